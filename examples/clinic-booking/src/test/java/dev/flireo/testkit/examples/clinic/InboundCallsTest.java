package dev.flireo.testkit.examples.clinic;

import static dev.flireo.testkit.examples.clinic.RunningClinic.message;
import static dev.flireo.testkit.examples.clinic.RunningClinic.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inbound calls as the simulator plays them: who is greeted how, who is turned away, and what the clinic keeps. */
class InboundCallsTest {

    private RunningClinic clinic;

    @AfterEach
    void stop() {
        if (clinic != null) {
            clinic.close();
        }
    }

    @Test
    void aCallerTheClinicDoesNotKnowGetsTheSavedAssistant() throws Exception {
        clinic = RunningClinic.start();

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(42)
                .run(Scenario.named("inbound-happy-path"));

        report.assertPassed();
        assertThat(reply(report, EventType.ASSISTANT_REQUEST, 0).toString()).isEqualTo("{}");
        JsonNode call = message(report.deliveries().get(0).request().bodyText());
        JsonNode sent = message(
                report.deliveries(EventType.END_OF_CALL_REPORT).get(0).request().bodyText());
        assertThat(clinic.rows(
                        "SELECT answer, status, ended_reason FROM calls WHERE call_id = ?",
                        call.path("call").path("id").asText()))
                .containsExactly(Map.of("answer", "default", "status", "ended", "ended_reason", "user_hangup"));
        assertThat(clinic.rows("SELECT summary, duration_seconds FROM call_reports"))
                .containsExactly(Map.of(
                        "summary",
                        sent.path("summary").asText(),
                        "duration_seconds",
                        sent.path("durationSeconds").asInt()));
    }

    @Test
    void aCallerTheClinicKnowsIsGreetedByName() throws Exception {
        String caller = RunningClinic.callerOf("inbound-personalised", 7);
        clinic = RunningClinic.start();
        clinic.customers.register(caller, "Sanne", "Bakker", "sanne.bakker@example.com", "nl");

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(7)
                .run(Scenario.named("inbound-personalised"));

        report.assertPassed();
        String greeting = "Hallo Sanne, fijn dat u belt met Tandartspraktijk De Linde. Waarmee kan ik u helpen?";
        assertThat(reply(report, EventType.ASSISTANT_REQUEST, 0).toString())
                .isEqualTo("{\"assistant\":{\"firstMessage\":\"" + greeting + "\"}}");
        assertThat(report.transcript(1).get(0).content()).isEqualTo(greeting);
        assertThat(clinic.rows("SELECT answer FROM calls")).containsExactly(Map.of("answer", "personalised"));
    }

    @Test
    void outsideOpeningHoursTheCallIsRejectedWithASpokenMessage() throws Exception {
        clinic = RunningClinic.openOnly("Sat 09:00-12:00"); // the calls come on Monday morning

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(42)
                .run(Scenario.named("inbound-rejected"));

        report.assertPassed();
        String closed = "Sorry, Tandartspraktijk De Linde is op dit moment gesloten. "
                + "Bel terug tijdens onze openingstijden: Sat 09:00-12:00.";
        assertThat(reply(report, EventType.ASSISTANT_REQUEST, 0).path("error").asText())
                .isEqualTo(closed);
        assertThat(report.transcript(1)).extracting(line -> line.content()).contains(closed);
        assertThat(clinic.rows("SELECT answer, status, ended_reason FROM calls"))
                .containsExactly(
                        Map.of("answer", "rejected", "status", "ended", "ended_reason", "assistant_request_rejected"));
        assertThat(clinic.rows("SELECT COUNT(*) AS reports FROM call_reports")).containsExactly(Map.of("reports", 1L));
    }

    @Test
    void aCallThatBreaksOffIsLoggedWithItsError() throws Exception {
        clinic = RunningClinic.start();

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(42)
                .run(Scenario.named("inbound-error"));

        report.assertPassed();
        assertThat(clinic.rows("SELECT status, error FROM calls"))
                .containsExactly(Map.of("status", "ended-with-error", "error", "STT connection failed"));
        assertThat(clinic.rows("SELECT COUNT(*) AS reports FROM call_reports")).containsExactly(Map.of("reports", 1L));
    }

    @Test
    void everyRepliedEventOfACallIsAcknowledged() {
        clinic = RunningClinic.start();

        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(3)
                .run(Scenario.named("inbound-hangup-early"));

        report.assertPassed();
        assertThat(report.deliveries()).extracting(d -> d.status()).containsOnly(200);
        assertThat(report.failures()).isEqualTo(List.of());
    }
}
