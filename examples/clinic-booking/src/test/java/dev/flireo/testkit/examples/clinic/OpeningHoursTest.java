package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private final OpeningHours hours = OpeningHours.parse("Mon-Fri 08:00-18:00, Sat 09:00-12:00");

    @Test
    void openFromOpeningUntilJustBeforeClosing() {
        LocalDateTime friday = LocalDateTime.of(2026, 1, 9, 0, 0);

        assertThat(hours.isOpenAt(friday.withHour(7).withMinute(59))).isFalse();
        assertThat(hours.isOpenAt(friday.withHour(8))).isTrue();
        assertThat(hours.isOpenAt(friday.withHour(17).withMinute(59))).isTrue();
        assertThat(hours.isOpenAt(friday.withHour(18))).isFalse();
        assertThat(hours.isOpenAt(friday.plusDays(1).withHour(11))).isTrue();
        assertThat(hours.isOpenAt(friday.plusDays(2).withHour(11))).as("Sunday").isFalse();
    }

    @Test
    void aVisitMustEndByClosingTime() {
        LocalDateTime saturday = LocalDateTime.of(2026, 1, 10, 11, 30);

        assertThat(hours.fits(saturday, 30)).isTrue();
        assertThat(hours.fits(saturday.plusMinutes(1), 30)).isFalse();
    }

    @Test
    void alwaysIsOpenDayAndNightEveryDay() {
        OpeningHours always = OpeningHours.parse("always");
        LocalDateTime sunday = LocalDateTime.of(2026, 1, 11, 0, 0);

        assertThat(always.isOpenAt(sunday)).isTrue();
        assertThat(always.isOpenAt(sunday.withHour(23).withMinute(59).withSecond(59)))
                .isTrue();
        assertThat(always.fits(sunday.withHour(23), 30)).isTrue();
        assertThat(always.fits(sunday.withHour(23).withMinute(45), 30))
                .as("past midnight")
                .isFalse();
        assertThat(always).hasToString("always");
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> OpeningHours.parse("Mon-Fri 18:00-08:00"))
                .hasMessage("opening hours: 'Mon-Fri 18:00-08:00' closes before it opens");
        assertThatThrownBy(() -> OpeningHours.parse("Mon-Fry 08:00-18:00"))
                .hasMessage("opening hours: unknown day 'Fry'; expected one of Mon, Tue, Wed, Thu, Fri, Sat, Sun");
    }
}
