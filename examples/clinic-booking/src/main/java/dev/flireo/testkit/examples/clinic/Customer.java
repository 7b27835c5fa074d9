package dev.flireo.testkit.examples.clinic;

/** A patient of the clinic, known by the phone number they call from. */
public record Customer(long id, String phone, String firstName, String lastName, String email, String language) {

    /** A caller who booked by phone before the clinic knew their name. */
    public boolean isNew() {
        return firstName == null;
    }

    public boolean speaksEnglish() {
        return "en".equals(language);
    }
}
