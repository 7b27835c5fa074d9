package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.simulator.Chaos;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries as a real network makes them: twice, late, out of order. The clinic acts once and keeps the truth. */
class ChaosTest {

    private RunningClinic clinic;

    @BeforeEach
    void start() {
        clinic = RunningClinic.start();
    }

    @AfterEach
    void stop() {
        clinic.close();
    }

    @Test
    void duplicateAndOutOfOrderDeliveriesNeitherDoubleBookNorDoubleStore() throws Exception {
        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(42)
                .chaos(Chaos.DUPLICATE, Chaos.OUT_OF_ORDER)
                .run(Scenario.named("inbound-tool-calls"));

        report.assertPassed();
        assertThat(report.deliveries(EventType.END_OF_CALL_REPORT)).hasSize(2);
        assertThat(clinic.rows("SELECT COUNT(*) AS reports FROM call_reports")).containsExactly(Map.of("reports", 1L));
        assertThat(clinic.rows("SELECT COUNT(*) AS appointments FROM appointments"))
                .containsExactly(Map.of("appointments", 1L));
        assertThat(clinic.rows("SELECT status, ended_reason FROM calls"))
                .containsExactly(Map.of("status", "ended", "ended_reason", "user_hangup"));
    }

    @Test
    void aLateFirstStatusDoesNotReopenAnEndedCall() throws Exception {
        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(42)
                .chaos(Chaos.SLOW)
                .run(Scenario.named("inbound-happy-path"));

        report.assertPassed();
        assertThat(report.deliveries(EventType.STATUS_UPDATE))
                .last()
                .satisfies(d -> assertThat(d.request().bodyText()).contains("\"status\":\"in-progress\""));
        assertThat(clinic.rows("SELECT status FROM calls")).containsExactly(Map.of("status", "ended"));
    }
}
