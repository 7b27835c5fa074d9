package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aScaledClockRunsFasterThanRealTime() throws InterruptedException {
        MockClock clock = MockClock.scaled(100);
        Instant before = clock.now();
        Thread.sleep(50);
        assertThat(Duration.between(before, clock.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(clock.realTimeFor(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> MockClock.scaled(0)).hasMessageContaining("positive");
    }
}
