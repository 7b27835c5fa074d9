package dev.flireo.testkit.contracts;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four webhook events; the wire name is {@code message.type} and the {@code X-Webhook-Event} header. */
public enum EventType {
    ASSISTANT_REQUEST("assistant-request"),
    TOOL_CALLS("tool-calls"),
    STATUS_UPDATE("status-update"),
    END_OF_CALL_REPORT("end-of-call-report");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EventType fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + name + "'; expected one of "
                + Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", ")));
    }
}
