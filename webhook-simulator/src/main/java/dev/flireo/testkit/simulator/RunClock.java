package dev.flireo.testkit.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The run's clock, which dates what is sent: {@code message.timestamp} and {@code X-Webhook-Timestamp}. By default
 * the real time of sending, as the platform does, so the two agree and a receiver's 300 s window accepts them. A
 * fixed clock starts at a given instant and moves only by the scenario's simulated gaps: two runs with the same seed
 * then send the same bytes, headers and signatures included.
 */
final class RunClock {

    private final Instant fixedStart;
    private final Instant simulatedStart;

    private RunClock(Instant fixedStart, Instant simulatedStart) {
        this.fixedStart = fixedStart;
        this.simulatedStart = simulatedStart;
    }

    static RunClock system() {
        return new RunClock(null, null);
    }

    /** Starts at {@code start} when the run's simulated time is at {@code simulatedStart}. */
    static RunClock fixed(Instant start, Instant simulatedStart) {
        return new RunClock(start, simulatedStart);
    }

    boolean isFixed() {
        return fixedStart != null;
    }

    /** The payload time of an event produced now, at {@code simulated} in the scenario's time (milliseconds). */
    Instant stamp(Instant simulated) {
        Instant at = fixedStart == null ? Instant.now()
                : fixedStart.plus(Duration.between(simulatedStart, simulated));
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The {@code X-Webhook-Timestamp} of a delivery sent now: the real second, or on a fixed clock the second of the
     * body's own time plus {@code repeat} (a re-delivery of the same body must differ from a replay).
     */
    long headerSecond(Instant stamped, int repeat) {
        if (fixedStart == null) {
            return Instant.now().getEpochSecond();
        }
        return (stamped == null ? fixedStart : stamped).getEpochSecond() + repeat;
    }

    /** The {@code X-Webhook-Timestamp} of a delivery that is not an event of a call (a security probe). */
    long headerSecond(Instant stamped) {
        return headerSecond(stamped, 0);
    }
}
