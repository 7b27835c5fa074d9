package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The clinic on a free port with a fresh in-memory database, and SQL to look at what it stored. */
final class RunningClinic implements AutoCloseable {

    static final String SECRET = "whsec_clinic_test_secret";
    /**
     * Monday 2 March 2026, 10:00 in Amsterdam: the clinic is open. The simulator dates its calls by the time of
     * sending, and the clinic answers by the call's time, so the tests play them at this time: the simulator on a
     * fixed clock here ({@code fixedClock}), the clinic checking the signatures' 300 s window on the same clock.
     */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");

    static final ObjectMapper JSON = new ObjectMapper();

    final Clinic clinic;
    final ClinicDatabase db = ClinicDatabase.inMemory();
    final Customers customers = new Customers(db);
    final ClinicServer server;

    private RunningClinic(OpeningHours hours, Clock clock) {
        this.clinic = Clinic.deLinde(hours);
        this.server = ClinicServer.start(0, clinic, db, SECRET, clock);
    }

    /** The clinic on Monday morning, for the simulator on {@code fixedClock(MONDAY_MORNING)}. */
    static RunningClinic start() {
        return new RunningClinic(OpeningHours.weekdays(), Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC));
    }

    static RunningClinic openOnly(String hours) {
        return new RunningClinic(OpeningHours.parse(hours), Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC));
    }

    /** The clinic on the real clock: the mock's live calls sign with the real time, whatever their own clock. */
    static RunningClinic onRealClock() {
        return new RunningClinic(OpeningHours.weekdays(), Clock.systemUTC());
    }

    URI webhooks() {
        return server.webhookUrl();
    }

    /** The rows of a query, each a map from lower-case column name to value. */
    List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int col = 1; col <= row.getMetaData().getColumnCount(); col++) {
                        values.put(row.getMetaData().getColumnLabel(col).toLowerCase(), row.getObject(col));
                    }
                    rows.add(values);
                }
            }
            return rows;
        }
    }

    /**
     * Who calls in a scenario played with {@code seed}: the simulator draws callers from the seed, so the number is
     * learnt by playing the scenario once against a clinic of its own, which is then thrown away.
     */
    static String callerOf(String scenario, long seed) {
        try (RunningClinic scratch = start()) {
            SimulationReport report = WebhookSimulator.target(scratch.webhooks())
                    .secret(SECRET)
                    .fixedClock(MONDAY_MORNING)
                    .seed(seed)
                    .run(Scenario.named(scenario));
            return message(report.deliveries().get(0).request().bodyText())
                    .path("customer")
                    .path("number")
                    .asText();
        }
    }

    /** The {@code message} of a delivered event. */
    static JsonNode message(String body) {
        return json(body).path("message");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reply the clinic gave to the {@code index}-th delivery of an event type. */
    static JsonNode reply(SimulationReport report, EventType event, int index) {
        return json(report.deliveries(event).get(index).replyText());
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
