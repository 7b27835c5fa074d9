package dev.flireo.testkit.simulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Delivery faults the platform can show, so a receiver can prove it copes (idempotency, ordering, lateness). */
public enum Chaos {
    /** The end-of-call-report and one status-update of each call are delivered twice, byte for byte the same body. */
    DUPLICATE("duplicate"),
    /** The final status-update of each call arrives after its end-of-call-report. */
    OUT_OF_ORDER("out-of-order"),
    /** The first status-update of each call arrives 15-25 s late (compressed like every gap), after later events. */
    SLOW("slow"),
    /** A status-update or end-of-call-report that is not acknowledged is sent again, up to twice, with back-off. */
    RETRY("retry");

    private final String wireName;

    Chaos(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Chaos fromWireName(String name) {
        for (Chaos chaos : values()) {
            if (chaos.wireName.equals(name == null ? null : name.strip())) {
                return chaos;
            }
        }
        throw new IllegalArgumentException("unknown chaos '" + name + "'; expected "
                + Arrays.stream(values()).map(Chaos::wireName).collect(Collectors.joining(", ")));
    }
}
