package dev.flireo.testkit.mock.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fixed one-minute windows per key, as documented: 100 requests per API key, 10 control commands per call.
 * Counting always happens (the headers are on every response); refusing only when enforcement is on.
 */
public final class RateLimiter {

    private static final long WINDOW_SECONDS = 60;

    private final int limit;
    private final Supplier<Instant> clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** The state of a key's window after counting one request. */
    public record Usage(int limit, int remaining, long resetEpochSeconds, boolean exceeded, long retryAfterSeconds) {}

    private record Window(long start, int count) {}

    public RateLimiter(int limit, Supplier<Instant> clock) {
        this.limit = limit;
        this.clock = clock;
    }

    public Usage count(String key) {
        long now = clock.get().getEpochSecond();
        long windowStart = now - Math.floorMod(now, WINDOW_SECONDS);
        Window w = windows.compute(
                key,
                (k, old) -> old == null || old.start() != windowStart
                        ? new Window(windowStart, 1)
                        : new Window(windowStart, old.count() + 1));
        long reset = w.start() + WINDOW_SECONDS;
        return new Usage(limit, Math.max(0, limit - w.count()), reset, w.count() > limit, Math.max(1, reset - now));
    }

    public void clear() {
        windows.clear();
    }
}
