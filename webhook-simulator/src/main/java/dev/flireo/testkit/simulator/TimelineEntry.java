package dev.flireo.testkit.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One delivery placed in the run: which call, what happened in the call ({@code label}), the simulated event time,
 * when it was really sent, and any chaos or probe {@code note}. A {@code superseded} delivery was retried.
 */
record TimelineEntry(
        int call,
        String label,
        Instant eventTime,
        Duration sentAt,
        Delivery delivery,
        String note,
        boolean superseded) {

    boolean counts() {
        return !superseded;
    }
}
