package dev.flireo.testkit.simulator;

/** Forged or stale deliveries a receiver that verifies signatures must reject with a 4xx. */
public enum SecurityProbe {
    TAMPERED_BODY("tampered-body", "body changed after signing"),
    WRONG_SECRET("wrong-secret", "signed with another secret"),
    NO_SIGNATURE("no-signature", "X-Webhook-Signature header missing"),
    STALE_TIMESTAMP("stale-timestamp", "validly signed, timestamp 10 minutes old"),
    FUTURE_TIMESTAMP("future-timestamp", "validly signed, timestamp 10 minutes ahead"),
    REPLAY("replay", "an earlier delivery sent again, headers and body unchanged");

    private final String wireName;
    private final String description;

    SecurityProbe(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }
}
