package dev.flireo.testkit.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The run's clock, which dates what is sent: {@code message.timestamp} and {@code X-Webhook-Timestamp}. By default
 * the real time of sending, as the platform does, so the two agree and a receiver's 300 s window accepts them. A
 * fixed clock starts at a given instant and moves only by the scenario's simulated gaps: two runs with the same seed
 * then send the same bytes, headers and signatures included. Either way the run starts at {@link #start()}, and the
 * calls' dates (an appointment a few weekdays later) follow from it.
 */
final class RunClock {

    private final Instant start;
    private final boolean fixed;

    private RunClock(Instant start, boolean fixed) {
        this.start = start.truncatedTo(ChronoUnit.MILLIS);
        this.fixed = fixed;
    }

    /** The real time, from now. */
    static RunClock system() {
        return new RunClock(Instant.now(), false);
    }

    /** A clock at {@code start} that moves only by the scenario's simulated time. */
    static RunClock fixed(Instant start) {
        return new RunClock(start, true);
    }

    /** When the run starts: the first call's simulated start. */
    Instant start() {
        return start;
    }

    /** The payload time of an event produced now, at {@code simulated} in the scenario's time (milliseconds). */
    Instant stamp(Instant simulated) {
        return fixed ? simulated : Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The {@code X-Webhook-Timestamp} of a delivery sent now: the real second, or on a fixed clock the second of the
     * body's own time plus {@code repeat} (a re-delivery of the same body must differ from a replay).
     */
    long headerSecond(Instant stamped, int repeat) {
        return fixed ? stamped.getEpochSecond() + repeat : Instant.now().getEpochSecond();
    }

    /** The {@code X-Webhook-Timestamp} of a delivery that belongs to no call (a security probe). */
    long headerSecond() {
        return fixed ? start.getEpochSecond() : Instant.now().getEpochSecond();
    }
}
