package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;

/** How the call reached the agent; {@code call.type} on the wire. */
public enum CallType {
    INBOUND("inboundPhoneCall", "inbound_phone_call"),
    OUTBOUND("outboundPhoneCall", "outbound_phone_call"),
    WEB("webCall", "web_call");

    private final String camel;
    private final String snake;

    CallType(String camel, String snake) {
        this.camel = camel;
        this.snake = snake;
    }

    /** The {@code call.type} value of this dialect; the legacy events carry no call type. */
    public String wireName(Dialect dialect) {
        return dialect == Dialect.VOICEDOCK ? snake : camel;
    }
}
