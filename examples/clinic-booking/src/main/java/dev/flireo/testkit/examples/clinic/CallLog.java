package dev.flireo.testkit.examples.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code calls} and {@code call_reports} tables. Webhooks can arrive twice, late or out of order, so a status
 * only replaces an older one (by the event's own timestamp) and a call's report is stored once.
 */
public final class CallLog {

    /** One event about a call: who, what status, when it happened, and the error or end reason if any. */
    public record StatusEvent(
            String callId, String customerPhone, String status, Instant at, String error, String endedReason) {}

    /** The end-of-call-report of a call. */
    public record Report(
            String callId,
            Instant at,
            Integer durationSeconds,
            String summary,
            String analysisJson,
            String endedReason) {}

    private final ClinicDatabase db;

    public CallLog(ClinicDatabase db) {
        this.db = db;
    }

    /** An inbound call was offered (assistant-request) and answered with {@code answer}. */
    public void offered(StatusEvent event, String answer) throws SQLException {
        record(event);
        try (Connection c = db.connection();
                PreparedStatement update = c.prepareStatement("UPDATE calls SET answer = ? WHERE call_id = ?")) {
            update.setString(1, answer);
            update.setString(2, event.callId());
            update.executeUpdate();
        }
    }

    /** Records a status unless a later one (by event time) is already known; the first error and reason stick. */
    public void record(StatusEvent event) throws SQLException {
        if (update(event) == 0) {
            try {
                insert(event);
            } catch (SQLException e) {
                if (!ClinicDatabase.isDuplicateKey(e)) {
                    throw e;
                }
                update(event); // a parallel delivery about the same call inserted it first
            }
        }
    }

    /** Stores the report; false when this call's report was stored before (a repeated delivery). */
    public boolean store(Report report) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO call_reports "
                                + "(call_id, reported_at, duration_seconds, summary, analysis, ended_reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, report.callId());
            insert.setObject(2, utc(report.at()));
            insert.setObject(3, report.durationSeconds(), Types.INTEGER);
            insert.setString(4, report.summary());
            insert.setString(5, report.analysisJson());
            insert.setString(6, report.endedReason());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (ClinicDatabase.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private int update(StatusEvent event) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement update = c.prepareStatement("UPDATE calls SET "
                        + "status = CASE WHEN status_at < ? THEN ? ELSE status END, "
                        + "status_at = GREATEST(status_at, ?), "
                        + "error = COALESCE(error, ?), ended_reason = COALESCE(ended_reason, ?), "
                        + "customer_phone = COALESCE(customer_phone, ?) WHERE call_id = ?")) {
            OffsetDateTime at = utc(event.at());
            update.setObject(1, at);
            update.setString(2, event.status());
            update.setObject(3, at);
            update.setString(4, event.error());
            update.setString(5, event.endedReason());
            update.setString(6, event.customerPhone());
            update.setString(7, event.callId());
            return update.executeUpdate();
        }
    }

    private void insert(StatusEvent event) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO calls "
                                + "(call_id, customer_phone, status, status_at, error, ended_reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.callId());
            insert.setString(2, event.customerPhone());
            insert.setString(3, event.status());
            insert.setObject(4, utc(event.at()));
            insert.setString(5, event.error());
            insert.setString(6, event.endedReason());
            insert.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
