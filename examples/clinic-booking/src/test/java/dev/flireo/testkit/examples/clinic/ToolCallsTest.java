package dev.flireo.testkit.examples.clinic;

import static dev.flireo.testkit.examples.clinic.RunningClinic.message;
import static dev.flireo.testkit.examples.clinic.RunningClinic.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The assistant's tools against the clinic's database: look the caller up, check a slot, book it. */
class ToolCallsTest {

    private RunningClinic clinic;

    @AfterEach
    void stop() {
        if (clinic != null) {
            clinic.close();
        }
    }

    @Test
    void aKnownCallerBooksACheckUp() throws Exception {
        String caller = RunningClinic.callerOf("inbound-tool-calls", 42);
        clinic = RunningClinic.start();
        clinic.customers.register(caller, "Jan", "de Vries", "jan.devries@example.com", "nl");

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(42)
                .run(Scenario.named("inbound-tool-calls"));

        report.assertPassed();
        assertThat(report.deliveries(EventType.TOOL_CALLS))
                .extracting(d -> d.verdict().reason())
                .containsExactly("results for all 1 tool call id", "results for all 2 tool call ids");
        JsonNode lookup =
                reply(report, EventType.TOOL_CALLS, 0).path("results").get(0).path("result");
        assertThat(lookup.path("found").asBoolean()).isTrue();
        assertThat(lookup.path("name").asText()).isEqualTo("Jan de Vries");

        JsonNode asked = toolCall(report, 1, "book_appointment");
        List<Map<String, Object>> booked = clinic.rows("SELECT c.phone, a.starts_at, a.kind, a.booked_in_call "
                + "FROM appointments a JOIN customers c ON c.id = a.customer_id");
        assertThat(booked).hasSize(1);
        LocalDateTime visit = ((Timestamp) booked.get(0).get("starts_at")).toLocalDateTime();
        assertThat(spokenDate(visit, asked)).isEqualTo(asked.path("date").asText());
        assertThat(visit.toLocalTime()).hasToString(asked.path("time").asText());
        assertThat(booked.get(0))
                .containsEntry("phone", caller)
                .containsEntry("kind", "check-up")
                .containsEntry(
                        "booked_in_call",
                        message(report.deliveries().get(0).request().bodyText())
                                .path("call")
                                .path("id")
                                .asText());

        JsonNode results = reply(report, EventType.TOOL_CALLS, 1).path("results");
        assertThat(results.get(0).path("result").path("available").asBoolean()).isTrue();
        assertThat(results.get(1).path("result").path("booked").asBoolean()).isTrue();
        assertThat(results.get(1).path("result").path("date").asText())
                .isEqualTo(visit.toLocalDate().toString());
    }

    @Test
    void aNewCallerIsNotFoundButCanBook() throws Exception {
        clinic = RunningClinic.start();

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(11)
                .run(Scenario.named("inbound-tool-calls"));

        report.assertPassed();
        String caller = message(report.deliveries().get(0).request().bodyText())
                .path("customer")
                .path("number")
                .asText();
        assertThat(reply(report, EventType.TOOL_CALLS, 0)
                        .path("results")
                        .get(0)
                        .path("result")
                        .toString())
                .isEqualTo("{\"found\":false,\"phone\":\"" + caller + "\"}");
        assertThat(clinic.rows("SELECT phone, first_name FROM customers"))
                .containsExactly(mapOf("phone", caller, "first_name", null));
        assertThat(clinic.rows("SELECT COUNT(*) AS appointments FROM appointments"))
                .containsExactly(Map.of("appointments", 1L));
    }

    @Test
    void aToolCallDeliveredAgainBooksOnce() throws Exception {
        clinic = RunningClinic.start();
        WebhookSimulator simulator = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .seed(42);

        SimulationReport first =
                simulator.fixedClock(RunningClinic.MONDAY_MORNING).run(Scenario.named("inbound-tool-calls"));
        // The same seed gives the same tool call ids. A platform re-delivery is signed anew, at a later time; the
        // same body and signature again would be a replay, which the clinic refuses.
        SimulationReport again = simulator
                .fixedClock(RunningClinic.MONDAY_MORNING.plusSeconds(60))
                .run(Scenario.named("inbound-tool-calls"));

        first.assertPassed();
        again.assertPassed();
        JsonNode booking =
                reply(first, EventType.TOOL_CALLS, 1).path("results").get(1).path("result");
        assertThat(reply(again, EventType.TOOL_CALLS, 1).path("results").get(1).path("result"))
                .isEqualTo(booking);
        assertThat(clinic.rows("SELECT COUNT(*) AS appointments FROM appointments"))
                .containsExactly(Map.of("appointments", 1L));
    }

    @Test
    void parallelCallsNeverGetTheSameSlot() throws Exception {
        clinic = RunningClinic.start();

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(5)
                .run(Scenario.named("campaign-batch").withCalls(10));

        report.assertPassed();
        long booked = report.deliveries(EventType.TOOL_CALLS).stream()
                .map(d ->
                        RunningClinic.json(d.replyText()).path("results").get(0).path("result"))
                .filter(result -> result.path("booked").asBoolean())
                .count();
        assertThat(booked).isPositive();
        assertThat(clinic.rows("SELECT COUNT(*) AS appointments, COUNT(DISTINCT starts_at) AS slots FROM appointments"))
                .containsExactly(Map.of("appointments", booked, "slots", booked));
    }

    /** The tool call named {@code name} in the {@code index}-th tool-calls event. */
    private static JsonNode toolCall(SimulationReport report, int index, String name) {
        for (JsonNode call : message(report.deliveries(EventType.TOOL_CALLS)
                        .get(index)
                        .request()
                        .bodyText())
                .path("toolCallList")) {
            if (call.path("function").path("name").asText().equals(name)) {
                return call.path("function").path("arguments");
            }
        }
        throw new AssertionError("no " + name + " tool call");
    }

    /** The booked day as the simulator says it, in the call's language ("donderdag 15 januari"). */
    private static String spokenDate(LocalDateTime visit, JsonNode asked) {
        for (Locale language : List.of(Locale.forLanguageTag("nl-NL"), Locale.UK)) {
            String spoken = DateTimeFormatter.ofPattern("EEEE d MMMM", language).format(visit);
            if (spoken.equals(asked.path("date").asText())) {
                return spoken;
            }
        }
        return visit.toLocalDate().toString();
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
