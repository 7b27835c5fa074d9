package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MockClockTest {

    @Test
    void aManualClockMovesOnlyWhenAdvancedAndResetsToItsStart() {
        Instant start = Instant.parse("2025-12-13T10:00:00Z");
        MockClock clock = MockClock.manual(start);
        AtomicInteger ticks = new AtomicInteger();
        clock.onAdvance(ticks::incrementAndGet);
        assertThat(clock.now()).isEqualTo(start);
        clock.advance(Duration.ofSeconds(90));
        assertThat(clock.now()).isEqualTo(start.plusSeconds(90));
        assertThat(ticks).hasValue(1);
        clock.reset();
        assertThat(clock.now()).isEqualTo(start);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("forward");
    }

    @Test
    void aScaledClockRunsFasterThanRealTime() {
        MockClock clock = MockClock.scaled(100);
        Instant before = clock.now();
        long realStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> Duration.between(before, clock.now()).compareTo(Duration.ofSeconds(4)) >= 0);
        // 4 s on the clock in well under 4 s of real time (40 ms at 100x; a loaded machine only adds to the wait).
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(2));
        assertThat(clock.realTimeFor(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> MockClock.scaled(0)).hasMessageContaining("positive");
    }
}
