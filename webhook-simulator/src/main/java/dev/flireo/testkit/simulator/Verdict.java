package dev.flireo.testkit.simulator;

import java.util.Objects;

/** Whether one delivery's reply is what the platform needs, and why, in words a person can act on. */
public record Verdict(boolean passed, String reason) {

    public Verdict {
        Objects.requireNonNull(reason, "reason");
    }

    public static Verdict pass(String reason) {
        return new Verdict(true, reason);
    }

    public static Verdict fail(String reason) {
        return new Verdict(false, reason);
    }

    @Override
    public String toString() {
        return (passed ? "PASS: " : "FAIL: ") + reason;
    }
}
