package dev.flireo.testkit.examples.clinic;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a signed delivery seen before. A signature covers the timestamp, so it only has to be remembered while
 * the timestamp is fresh enough to pass the signature check; after that the check itself refuses it. A real
 * re-delivery by the platform is signed anew and passes.
 */
final class ReplayGuard {

    private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();
    private final Duration window;
    private final Clock clock;

    ReplayGuard(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** True the first time a signature is presented. */
    boolean firstTime(String signature) {
        long now = clock.millis();
        seenUntil.values().removeIf(until -> until < now);
        return seenUntil.putIfAbsent(signature, now + 2 * window.toMillis()) == null;
    }
}
