package dev.flireo.testkit.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The four webhook events, named as in {@code message.type}, {@code eventType} and {@code X-Webhook-Event}. */
public enum EventType {
    ASSISTANT_REQUEST,
    TOOL_CALLS,
    STATUS_UPDATE,
    END_OF_CALL_REPORT;

    /** {@code assistant-request}, {@code tool-calls}, {@code status-update} or {@code end-of-call-report}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the platform uses the reply body; status-update and end-of-call-report take any 2xx. */
    public boolean replyUsed() {
        return this == ASSISTANT_REQUEST || this == TOOL_CALLS;
    }

    /** The event for a wire name ({@code tool-calls}) or an enum name ({@code TOOL_CALLS}); fails naming the accepted names. */
    public static EventType fromWireName(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown event type '" + name + "'; expected one of " + wireNames()));
    }

    static Optional<EventType> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wire = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(type -> type.wireName().equals(wire))
                .findFirst();
    }

    static String wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }
}
