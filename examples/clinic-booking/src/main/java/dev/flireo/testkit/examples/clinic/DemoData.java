package dev.flireo.testkit.examples.clinic;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;

/** A few patients and tomorrow's appointments, so a fresh clinic has someone to greet and someone to remind. */
public final class DemoData {

    private DemoData() {}

    /** Loads the demo patients into a database that has none; returns whether it did. */
    public static boolean loadIfEmpty(ClinicDatabase db, LocalDate today) throws SQLException {
        Customers customers = new Customers(db);
        if (customers.count() > 0) {
            return false;
        }
        Customer jan = customers.register("+31612345678", "Jan", "de Vries", "jan.devries@example.com", "nl");
        Customer sanne = customers.register("+31623456789", "Sanne", "Bakker", "sanne.bakker@example.com", "nl");
        customers.register("+447700900123", "Oliver", "Smith", "oliver.smith@example.com", "en");
        Appointments appointments = new Appointments(db);
        LocalDate tomorrow = today.plusDays(1);
        appointments.book(jan, tomorrow.atTime(LocalTime.of(9, 30)), "check-up", null, "demo-1");
        appointments.book(sanne, tomorrow.atTime(LocalTime.of(14, 0)), "cleaning", null, "demo-2");
        return true;
    }
}
