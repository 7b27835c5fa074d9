package dev.flireo.testkit.simulator;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The invented but plausible facts of one call, drawn from a seed: who calls whom, from which numbers, about which
 * appointment. The same seed and call index always give the same data, whatever else runs in parallel.
 */
record CallData(
        int index,
        String language,
        String callId,
        String firstName,
        String lastName,
        String customerNumber,
        String email,
        String agentName,
        String business,
        String businessNumber,
        String transferNumber,
        String date,
        String time,
        Instant start,
        SplittableRandom random) {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final Map<String, List<String>> FIRST_NAMES = Map.of(
            "nl",
                    List.of(
                            "Jan", "Sanne", "Daan", "Emma", "Lotte", "Bram", "Noor", "Thijs", "Fleur", "Ruben", "Anouk",
                            "Joris", "Iris", "Sem", "Lisa", "Pieter", "Femke", "Wouter"),
            "en",
                    List.of(
                            "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Charlie", "Grace",
                            "Thomas", "Emily", "James", "Sophie"));
    private static final Map<String, List<String>> LAST_NAMES = Map.of(
            "nl",
                    List.of(
                            "de Vries",
                            "Jansen",
                            "Bakker",
                            "Visser",
                            "Smit",
                            "Meijer",
                            "de Boer",
                            "Mulder",
                            "de Groot",
                            "Bos",
                            "Vos",
                            "Peters",
                            "Hendriks",
                            "van Dijk",
                            "Dekker",
                            "Verhoeven"),
            "en",
                    List.of(
                            "Smith",
                            "Jones",
                            "Taylor",
                            "Brown",
                            "Williams",
                            "Wilson",
                            "Johnson",
                            "Davies",
                            "Evans",
                            "Roberts",
                            "Walker",
                            "Wright",
                            "Green",
                            "Hughes"));
    private static final Map<String, List<String>> AGENTS = Map.of(
            "nl", List.of("Julia", "Sophie", "Eva", "Mila", "Lars"),
            "en", List.of("Ava", "Emma", "Lucy", "Oliver"));
    private static final Map<String, List<String>> BUSINESSES = Map.of(
            "nl", List.of("Van Dijk Installatietechniek", "Fysiotherapie Het Anker", "Autobedrijf Mulder"),
            "en", List.of("Harbour Lane Plumbing", "Riverside Physiotherapy", "Northgate Motors"));

    /**
     * Draws call {@code index} of a run with {@code seed}; {@code runStart} is the first call's start, on the run's
     * clock, so the appointment falls a seeded number of weekdays after the real day of the run.
     */
    static CallData draw(long seed, int index, List<String> languages, Text business, Instant runStart) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        String language = languages.get(random.nextInt(languages.size()));
        String first = pick(random, FIRST_NAMES.get(language));
        String last = pick(random, LAST_NAMES.get(language));
        boolean dutch = language.equals("nl");
        String customer = dutch ? "+316" + digits(random, 8) : "+447" + (4 + random.nextInt(6)) + digits(random, 8);
        String businessNumber = dutch ? "+3185" + digits(random, 7) : "+4420" + digits(random, 8);
        String transfer = dutch ? "+3120" + digits(random, 7) : "+44161" + digits(random, 7);
        String company = business != null && business.in(language) != null
                ? business.in(language)
                : pick(random, BUSINESSES.get(language));
        // Calls of one run start a fraction of a second apart, like a dialler working through its list.
        Instant start = runStart.plusMillis(index == 0 ? 0 : index * 200L + random.nextInt(200));
        LocalDate day = appointmentDay(start, random);
        Locale locale = dutch ? Locale.forLanguageTag("nl-NL") : Locale.UK;
        return new CallData(
                index,
                language,
                uuid(random),
                first,
                last,
                customer,
                email(first, last),
                pick(random, AGENTS.get(language)),
                company,
                businessNumber,
                transfer,
                DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(day),
                String.format(Locale.ROOT, "%02d:%02d", 9 + random.nextInt(8), random.nextBoolean() ? 0 : 30),
                start,
                random);
    }

    Map<String, String> variables() {
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", firstName + " " + lastName);
        values.put("customer.firstName", firstName);
        values.put("customer.lastName", lastName);
        values.put("customer.number", customerNumber);
        values.put("customer.email", email);
        values.put("agent.name", agentName);
        values.put("business", business);
        values.put("business.number", businessNumber);
        values.put("transfer.number", transferNumber);
        values.put("date", date);
        values.put("time", time);
        values.put("call.id", callId);
        values.put("lead", Integer.toString(index + 1));
        return values;
    }

    /** A tool call id in the dialect's documented style: {@code tool_abc123def456}, legacy {@code call_...}. */
    String toolCallId(boolean legacy) {
        String alphabet = legacy
                ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                : "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(legacy ? "call_" : "tool_");
        for (int i = 0; i < (legacy ? 24 : 12); i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static LocalDate appointmentDay(Instant start, SplittableRandom random) {
        LocalDate day = ZonedDateTime.ofInstant(start, AMSTERDAM).toLocalDate().plusDays(1 + random.nextInt(9));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static String email(String first, String last) {
        String local = (first + "." + last.replace(" ", "")).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(local, Normalizer.Form.NFD).replaceAll("[^a-z.]", "") + "@example.com";
    }

    private static String uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String pick(SplittableRandom random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
