package dev.flireo.testkit.simulator;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether one delivery's reply is what the platform needs, and why, in words a person can act on. Three outcomes:
 * {@code pass}; {@code warn}, behaviour the platform tolerates but that is risky, which {@link #passed()} (a run
 * fails on it only in strict mode); and {@code fail}.
 */
public record Verdict(Outcome outcome, String reason) {

    /** The three verdicts, with their lowercase names as the reports write them. */
    public enum Outcome {
        PASS,
        WARN,
        FAIL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** A pass or a fail, for callers that know no warnings. */
    public Verdict(boolean passed, String reason) {
        this(passed ? Outcome.PASS : Outcome.FAIL, reason);
    }

    public static Verdict pass(String reason) {
        return new Verdict(Outcome.PASS, reason);
    }

    /** Tolerated by the platform but risky: passes, unless the run is strict. */
    public static Verdict warn(String reason) {
        return new Verdict(Outcome.WARN, reason);
    }

    public static Verdict fail(String reason) {
        return new Verdict(Outcome.FAIL, reason);
    }

    /** True for a pass and for a warning: the platform would accept the reply. */
    public boolean passed() {
        return outcome != Outcome.FAIL;
    }

    public boolean warning() {
        return outcome == Outcome.WARN;
    }

    /** True when this verdict fails a run: a fail, or in a strict run a warning too. */
    public boolean fails(boolean strict) {
        return outcome == Outcome.FAIL || strict && outcome == Outcome.WARN;
    }

    @Override
    public String toString() {
        return outcome.name() + ": " + reason;
    }
}
