package dev.flireo.testkit.examples.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code customers} table. */
public final class Customers {

    private static final String COLUMNS = "id, phone, first_name, last_name, email, language";

    private final ClinicDatabase db;

    public Customers(ClinicDatabase db) {
        this.db = db;
    }

    public Optional<Customer> byPhone(String phone) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement select =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM customers WHERE phone = ?")) {
            select.setString(1, phone);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public Customer register(String phone, String firstName, String lastName, String email, String language)
            throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO customers (phone, first_name, last_name, email, language) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, phone);
            insert.setString(2, firstName);
            insert.setString(3, lastName);
            insert.setString(4, email);
            insert.setString(5, language);
            insert.executeUpdate();
        }
        return byPhone(phone).orElseThrow();
    }

    /** The caller's record, created with only the number if they are new (two calls at once may race: both win). */
    public Customer findOrRegister(String phone) throws SQLException {
        Optional<Customer> known = byPhone(phone);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return register(phone, null, null, null, "nl");
        } catch (SQLException e) {
            if (ClinicDatabase.isDuplicateKey(e)) {
                return byPhone(phone).orElseThrow();
            }
            throw e;
        }
    }

    public int count() throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM customers");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    static Customer read(ResultSet row) throws SQLException {
        return new Customer(
                row.getLong("id"),
                row.getString("phone"),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getString("email"),
                row.getString("language"));
    }
}
