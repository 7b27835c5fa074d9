package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;

/** The call status reported by {@code call.status} (legacy: {@code status}). */
public enum CallStatus {
    RINGING("ringing"),
    IN_PROGRESS("in-progress"),
    ENDED("ended"),
    /** Legacy spells it {@code ended-with-debugging} and explains it in {@code debugging-artifact}. */
    ENDED_WITH_ERROR("ended-with-error");

    private final String wireName;

    CallStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName(Dialect dialect) {
        return this == ENDED_WITH_ERROR && dialect == Dialect.LEGACY ? "ended-with-debugging" : wireName;
    }

    /** Parses {@code ringing}, {@code in-progress}, {@code ended} or {@code ended-with-error}. */
    public static CallStatus fromWireName(String name) {
        for (CallStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "unknown call status '" + name + "'; expected ringing, in-progress, ended or ended-with-error");
    }
}
