package dev.flireo.testkit.examples.clinic;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When the clinic answers the phone and takes appointments, e.g. {@code Mon-Fri 08:00-18:00, Sat 09:00-12:00}. */
public final class OpeningHours {

    private static final Pattern RULE = Pattern.compile("(\\w{3})(?:-(\\w{3}))? (\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final String ALWAYS = "always";
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final Map<DayOfWeek, LocalTime[]> days;
    private final String text;

    private OpeningHours(Map<DayOfWeek, LocalTime[]> days, String text) {
        this.days = days;
        this.text = text;
    }

    public static OpeningHours weekdays() {
        return parse("Mon-Fri 08:00-18:00");
    }

    /**
     * Rules separated by commas: a day or a range of days, then opening and closing time; or {@code always}, open
     * day and night (a demo that must answer whenever someone tries it, since webhooks carry the time of sending).
     */
    public static OpeningHours parse(String text) {
        Map<DayOfWeek, LocalTime[]> days = new EnumMap<>(DayOfWeek.class);
        if (text.strip().equalsIgnoreCase(ALWAYS)) {
            for (DayOfWeek day : DayOfWeek.values()) {
                days.put(day, new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.MAX});
            }
            return new OpeningHours(days, ALWAYS);
        }
        for (String rule : text.split(",")) {
            Matcher m = RULE.matcher(rule.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("opening hours: cannot read '" + rule.strip()
                        + "'; expected e.g. 'Mon-Fri 08:00-18:00', 'Sat 09:00-12:00' or 'always'");
            }
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            LocalTime[] hours = {time(m.group(3)), time(m.group(4))};
            if (!hours[0].isBefore(hours[1])) {
                throw new IllegalArgumentException("opening hours: '" + rule.strip() + "' closes before it opens");
            }
            for (int d = first.getValue(); ; d = d % 7 + 1) {
                days.put(DayOfWeek.of(d), hours);
                if (d == last.getValue()) {
                    break;
                }
            }
        }
        return new OpeningHours(days, text.strip());
    }

    public boolean isOpenAt(LocalDateTime time) {
        LocalTime[] hours = days.get(time.getDayOfWeek());
        return hours != null
                && !time.toLocalTime().isBefore(hours[0])
                && time.toLocalTime().isBefore(hours[1]);
    }

    /** Whether a visit from {@code start} for {@code minutes} fits inside one opening period. */
    public boolean fits(LocalDateTime start, int minutes) {
        LocalTime[] hours = days.get(start.getDayOfWeek());
        LocalDateTime end = start.plusMinutes(minutes);
        return isOpenAt(start)
                && end.toLocalDate().equals(start.toLocalDate())
                && !end.toLocalTime().isAfter(hours[1]);
    }

    private static DayOfWeek day(String name) {
        int index = DAYS.indexOf(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalArgumentException("opening hours: unknown day '" + name + "'; expected one of Mon, Tue, "
                    + "Wed, Thu, Fri, Sat, Sun");
        }
        return DayOfWeek.of(index + 1);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("opening hours: '" + text + "' is not a time of day (HH:MM)", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
