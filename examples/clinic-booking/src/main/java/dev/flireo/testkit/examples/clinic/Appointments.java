package dev.flireo.testkit.examples.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code appointments} table: one visit per slot, one booking per tool call. */
public final class Appointments {

    private static final String SELECT = "SELECT a.id, a.starts_at, a.kind, a.booked_in_call, a.reminder_call_id, "
            + "c.id, c.phone, c.first_name, c.last_name, c.email, c.language "
            + "FROM appointments a JOIN customers c ON c.id = a.customer_id ";

    /** The outcome of a booking attempt. */
    public sealed interface Booking {
        record Booked(Appointment appointment) implements Booking {}

        record SlotTaken(LocalDateTime slot) implements Booking {}
    }

    private final ClinicDatabase db;

    public Appointments(ClinicDatabase db) {
        this.db = db;
    }

    public boolean isFree(LocalDateTime slot) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement select = c.prepareStatement("SELECT 1 FROM appointments WHERE starts_at = ?")) {
            select.setTimestamp(1, Timestamp.valueOf(slot));
            try (ResultSet row = select.executeQuery()) {
                return !row.next();
            }
        }
    }

    /**
     * Books {@code slot}. The same tool call id always gets the same booking back, so a tool call the platform
     * delivers twice books once; the slot's unique key keeps two callers from getting the same chair.
     */
    public Booking book(Customer customer, LocalDateTime slot, String kind, String callId, String toolCallId)
            throws SQLException {
        Optional<Appointment> earlier = bookedBy(toolCallId);
        if (earlier.isPresent()) {
            return new Booking.Booked(earlier.get());
        }
        try (Connection c = db.connection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO appointments "
                        + "(customer_id, starts_at, kind, booked_in_call, tool_call_id) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, customer.id());
            insert.setTimestamp(2, Timestamp.valueOf(slot));
            insert.setString(3, kind);
            insert.setString(4, callId);
            insert.setString(5, toolCallId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!ClinicDatabase.isDuplicateKey(e)) {
                throw e;
            }
            // Either this tool call was booked meanwhile by a parallel delivery, or the slot went to someone else.
            return bookedBy(toolCallId).<Booking>map(Booking.Booked::new).orElse(new Booking.SlotTaken(slot));
        }
        return new Booking.Booked(bookedBy(toolCallId).orElseThrow());
    }

    /** The appointments of one day, earliest first, with their customers. */
    public List<Appointment> on(LocalDate day) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement select = c.prepareStatement(
                        SELECT + "WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at")) {
            select.setTimestamp(1, Timestamp.valueOf(day.atStartOfDay()));
            select.setTimestamp(2, Timestamp.valueOf(day.plusDays(1).atStartOfDay()));
            return list(select);
        }
    }

    public void reminded(Appointment appointment, String callId) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement update =
                        c.prepareStatement("UPDATE appointments SET reminder_call_id = ? WHERE id = ?")) {
            update.setString(1, callId);
            update.setLong(2, appointment.id());
            update.executeUpdate();
        }
    }

    /** The appointment a tool call booked, if it did. */
    public Optional<Appointment> bookedBy(String toolCallId) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement select = c.prepareStatement(SELECT + "WHERE a.tool_call_id = ?")) {
            select.setString(1, toolCallId);
            return list(select).stream().findFirst();
        }
    }

    private static List<Appointment> list(PreparedStatement select) throws SQLException {
        List<Appointment> appointments = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Customer customer = new Customer(
                        row.getLong(6),
                        row.getString(7),
                        row.getString(8),
                        row.getString(9),
                        row.getString(10),
                        row.getString(11));
                appointments.add(new Appointment(
                        row.getLong(1),
                        customer,
                        row.getTimestamp(2).toLocalDateTime(),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5)));
            }
        }
        return appointments;
    }
}
