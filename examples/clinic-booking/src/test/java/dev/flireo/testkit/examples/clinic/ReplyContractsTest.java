package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.ValidationReport;
import dev.flireo.testkit.simulator.Delivery;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every reply the clinic gives keeps the documented reply contract, without so much as a warning. */
class ReplyContractsTest {

    @ParameterizedTest(name = "{0}, open {1}")
    @CsvSource({
        "inbound-happy-path, Mon-Fri 08:00-18:00",
        "inbound-rejected, Sun 10:00-11:00",
        "inbound-tool-calls, Mon-Fri 08:00-18:00",
        "call-transfer, Mon-Fri 08:00-18:00",
        "web-call, Mon-Fri 08:00-18:00",
        "campaign-batch, Mon-Fri 08:00-18:00"
    })
    void repliesKeepTheContract(String scenario, String hours) {
        try (RunningClinic clinic = RunningClinic.openOnly(hours)) {
            SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                    .secret(RunningClinic.SECRET)
                    .fixedClock(RunningClinic.MONDAY_MORNING)
                    .seed(42)
                    .run(Scenario.named(scenario));

            List<Delivery> answered = report.deliveries().stream()
                    .filter(d -> d.event() == EventType.ASSISTANT_REQUEST || d.event() == EventType.TOOL_CALLS)
                    .toList();
            assertThat(answered).isNotEmpty();
            assertThat(answered).allSatisfy(delivery -> {
                ValidationReport check =
                        Contracts.of(Dialect.FLIREO).validateReply(delivery.event(), delivery.replyText());
                assertThat(check.errors()).as(delivery.replyText()).isEmpty();
                assertThat(check.warnings()).as(delivery.replyText()).isEmpty();
            });
        }
    }
}
