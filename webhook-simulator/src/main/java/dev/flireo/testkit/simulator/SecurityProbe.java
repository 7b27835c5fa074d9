package dev.flireo.testkit.simulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Forged or stale deliveries. The first five break what the vendor documents (the signature over timestamp and raw
 * body, the 300 s window both ways): a receiver must reject them with a 4xx. {@code replay} repeats a delivery inside
 * the window, which the vendor's documents and its SDK's {@code Webhooks.verify} accept: accepting it is a warning,
 * a failure only with strict probes.
 */
public enum SecurityProbe {
    TAMPERED_BODY("tampered-body", "its body was changed after signing"),
    WRONG_SECRET("wrong-secret", "it was signed with another secret"),
    NO_SIGNATURE("no-signature", "it had no X-Webhook-Signature header"),
    STALE_TIMESTAMP("stale-timestamp", "it was signed 10 minutes ago (X-Webhook-Timestamp too old)"),
    FUTURE_TIMESTAMP("future-timestamp", "it was signed 10 minutes ahead (X-Webhook-Timestamp in the future)"),
    REPLAY("replay", "it repeated an earlier delivery byte for byte, headers included");

    private final String wireName;
    private final String description;

    SecurityProbe(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    /** The probe with this {@link #wireName()}, e.g. {@code tampered-body}. */
    public static SecurityProbe fromWireName(String name) {
        for (SecurityProbe probe : values()) {
            if (probe.wireName.equals(name)) {
                return probe;
            }
        }
        throw new IllegalArgumentException("unknown security probe '" + name + "'; expected one of "
                + Arrays.stream(values()).map(SecurityProbe::wireName).collect(Collectors.joining(", ")));
    }

    /** Why the delivery is not genuine, as a clause: "its body was changed after signing". */
    public String description() {
        return description;
    }
}
