package dev.flireo.testkit.examples.clinic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Reads the date and time a caller asked for, as the assistant passes them in tool arguments: an ISO date
 * ({@code 2026-01-15}) or the spoken form in Dutch or English ({@code donderdag 15 januari}, {@code Thursday 15
 * January}), which has no year: it means the first such day on or after the call.
 */
final class VisitTime {

    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl-NL"), Locale.UK);

    private VisitTime() {}

    static LocalDateTime parse(String date, String time, LocalDate callDay) {
        if (date == null || time == null) {
            throw new IllegalArgumentException("both `date` and `time` are needed");
        }
        return LocalDateTime.of(day(date.strip(), callDay), timeOfDay(time.strip()));
    }

    private static LocalDate day(String text, LocalDate callDay) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            for (Locale language : LANGUAGES) {
                LocalDate day = spoken(text, language, callDay);
                if (day != null) {
                    return day;
                }
            }
            throw new IllegalArgumentException("cannot read the date '" + text
                    + "'; expected e.g. 2026-01-15, donderdag 15 januari or Thursday 15 January");
        }
    }

    private static LocalDate spoken(String text, Locale language, LocalDate callDay) {
        String[] words = text.split("\\s+", 2);
        DayOfWeek weekday = weekday(words[0], language);
        String dayAndMonth = weekday != null && words.length == 2 ? words[1] : text;
        DateTimeFormatter format = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("d MMMM")
                .toFormatter(language);
        MonthDay monthDay;
        try {
            monthDay = MonthDay.parse(dayAndMonth, format);
        } catch (DateTimeParseException e) {
            return null;
        }
        LocalDate day = monthDay.atYear(callDay.getYear());
        if (day.isBefore(callDay)) {
            day = monthDay.atYear(callDay.getYear() + 1);
        }
        if (weekday != null && day.getDayOfWeek() != weekday) {
            throw new IllegalArgumentException(
                    day + " is a " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + ", not a "
                            + weekday.getDisplayName(TextStyle.FULL, Locale.UK) + " ('" + text + "')");
        }
        return day;
    }

    private static DayOfWeek weekday(String word, Locale language) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getDisplayName(TextStyle.FULL, language).equalsIgnoreCase(word)) {
                return day;
            }
        }
        return null;
    }

    private static LocalTime timeOfDay(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read the time '" + text + "'; expected HH:MM, e.g. 10:30");
        }
    }
}
