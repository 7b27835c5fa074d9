package dev.flireo.testkit.simulator;

/** Forged or stale deliveries a receiver that verifies signatures must reject with a 4xx. */
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

    /** Why the delivery is not genuine, as a clause: "its body was changed after signing". */
    public String description() {
        return description;
    }
}
