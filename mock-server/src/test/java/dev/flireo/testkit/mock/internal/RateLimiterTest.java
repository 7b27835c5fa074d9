package dev.flireo.testkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-12-13T10:00:30Z"));
    private final RateLimiter limiter = new RateLimiter(3, now::get);

    @Test
    void countsPerKeyInFixedMinuteWindows() {
        assertThat(limiter.count("a").remaining()).isEqualTo(2);
        assertThat(limiter.count("a").remaining()).isEqualTo(1);
        assertThat(limiter.count("b").remaining()).isEqualTo(2);
        RateLimiter.Usage third = limiter.count("a");
        assertThat(third.exceeded()).isFalse();
        RateLimiter.Usage fourth = limiter.count("a");
        assertThat(fourth.exceeded()).isTrue();
        assertThat(fourth.remaining()).isZero();
        assertThat(fourth.resetEpochSeconds())
                .isEqualTo(Instant.parse("2025-12-13T10:01:00Z").getEpochSecond());
        assertThat(fourth.retryAfterSeconds()).isEqualTo(30);
        now.set(Instant.parse("2025-12-13T10:01:00Z"));
        assertThat(limiter.count("a").remaining()).isEqualTo(2);
    }
}
