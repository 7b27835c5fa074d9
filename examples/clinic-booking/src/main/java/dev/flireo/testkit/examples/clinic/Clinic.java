package dev.flireo.testkit.examples.clinic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Who the clinic is and what its assistant says: the name, opening hours and the fixed texts, in Dutch or English. */
public record Clinic(String name, OpeningHours hours) {

    /** The clinic's time zone; times in the database are local times here. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** How long a visit takes, for availability and bookings. */
    public static final int VISIT_MINUTES = 30;

    public static Clinic deLinde(OpeningHours hours) {
        return new Clinic("Tandartspraktijk De Linde", hours);
    }

    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    /** What the saved assistant says to callers the clinic does not know. */
    public String defaultGreeting() {
        return "Goedendag, " + name + ". Waarmee kan ik u helpen?";
    }

    public String greeting(Customer customer) {
        return customer.speaksEnglish()
                ? "Hello " + customer.firstName() + ", thank you for calling " + name + ". How can I help you?"
                : "Hallo " + customer.firstName() + ", fijn dat u belt met " + name + ". Waarmee kan ik u helpen?";
    }

    /** The text the platform speaks before it hangs up on a call outside opening hours. */
    public String closedMessage() {
        return "Sorry, " + name + " is op dit moment gesloten. Bel terug tijdens onze openingstijden: " + hours + ".";
    }

    public String reminder(Customer customer, LocalDateTime visit) {
        String time = visit.toLocalTime().toString();
        if (customer.speaksEnglish()) {
            return hello("Hello", customer) + ", this is " + name + " calling to remind you of your appointment "
                    + "tomorrow at " + time + ". Can you make it?";
        }
        return hello("Goedendag", customer) + ", u spreekt met " + name + ". Dit is een herinnering aan uw afspraak "
                + "morgen om " + time + ". Komt dat nog uit?";
    }

    private static String hello(String word, Customer customer) {
        return customer.isNew() ? word : word + " " + customer.firstName();
    }
}
