package dev.flireo.testkit.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's notion of time. Calls move through their lifecycle on it, timestamps and rate-limit windows come
 * from it. Either scaled real time ({@code timeScale 10} = a 30 s call ends in 3 s) or manual: time stands still
 * until a test calls {@link #advance(Duration)}.
 */
public final class MockClock {

    private final boolean manual;
    private final double timeScale;
    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final AtomicLong offsetNanos = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private MockClock(boolean manual, double timeScale, Instant start) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number, got " + timeScale);
        }
        this.manual = manual;
        this.timeScale = timeScale;
        this.start = start;
    }

    /** Real time, sped up (or slowed down) by {@code timeScale}. */
    public static MockClock scaled(double timeScale) {
        return new MockClock(false, timeScale, Instant.now());
    }

    /** Time that moves only when {@link #advance(Duration)} is called. */
    public static MockClock manual(Instant start) {
        return new MockClock(true, 1, start);
    }

    public Instant now() {
        long elapsed = manual ? 0 : (long) ((System.nanoTime() - startNanos) * timeScale);
        return start.plusNanos(elapsed + offsetNanos.get());
    }

    /** Moves time forward (works on a scaled clock too) and lets running calls catch up before returning. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, got " + duration);
        }
        offsetNanos.addAndGet(duration.toNanos());
        listeners.forEach(Runnable::run);
    }

    public boolean isManual() {
        return manual;
    }

    public double timeScale() {
        return timeScale;
    }

    /** Real time that corresponds to {@code mockTime} on this clock (for scheduling); unbounded when manual. */
    public Duration realTimeFor(Duration mockTime) {
        return manual ? Duration.ofDays(365) : Duration.ofNanos((long) (mockTime.toNanos() / timeScale));
    }

    /** A manual clock goes back to its start (a reset of the server); real time cannot be reset. */
    void reset() {
        if (manual) {
            offsetNanos.set(0);
        }
    }

    void onAdvance(Runnable listener) {
        listeners.add(listener);
    }
}
