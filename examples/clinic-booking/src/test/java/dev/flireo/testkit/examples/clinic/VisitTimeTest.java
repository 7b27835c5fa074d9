package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class VisitTimeTest {

    private static final LocalDate CALL_DAY = LocalDate.of(2026, 12, 28);

    @Test
    void readsIsoAndSpokenDatesInDutchAndEnglish() {
        assertThat(VisitTime.parse("2026-12-30", "10:30", CALL_DAY)).isEqualTo(LocalDateTime.of(2026, 12, 30, 10, 30));
        assertThat(VisitTime.parse("woensdag 30 december", "09:00", CALL_DAY))
                .isEqualTo(LocalDateTime.of(2026, 12, 30, 9, 0));
        assertThat(VisitTime.parse("Tuesday 5 January", "14:00", CALL_DAY))
                .as("a spoken date without a year is the next one after the call")
                .isEqualTo(LocalDateTime.of(2027, 1, 5, 14, 0));
        assertThat(VisitTime.parse("7 januari", "08:30", CALL_DAY)).isEqualTo(LocalDateTime.of(2027, 1, 7, 8, 30));
    }

    @Test
    void namesWhatItCannotRead() {
        assertThatThrownBy(() -> VisitTime.parse("next week", "10:00", CALL_DAY))
                .hasMessage(
                        "cannot read the date 'next week'; expected e.g. 2026-01-15, donderdag 15 januari or Thursday 15 January");
        assertThatThrownBy(() -> VisitTime.parse("donderdag 30 december", "10:00", CALL_DAY))
                .hasMessage("2026-12-30 is a Wednesday, not a Thursday ('donderdag 30 december')");
        assertThatThrownBy(() -> VisitTime.parse("2026-12-30", "half ten", CALL_DAY))
                .hasMessage("cannot read the time 'half ten'; expected HH:MM, e.g. 10:30");
    }
}
