package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.ValidationReport;
import dev.flireo.testkit.receiver.WebhookReceiver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event of every built-in scenario, as delivered, satisfies the contract of its dialect. */
class RenderedEventsContractTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyDeliveredEventOfEveryScenarioValidates(Dialect dialect) throws Exception {
        Contracts contracts = Contracts.of(dialect);
        for (Scenario scenario : Scenario.builtIns()) {
            // The personalising receiver adds metadata, so the echoed message.assistant is validated too.
            try (WebhookReceiver receiver = WellBehavedHandler.receiver(null)) {
                WebhookSimulator.target(receiver.url("/hook?mode=personalise"))
                        .dialect(dialect)
                        .seed(17)
                        .run(scenario.withCalls(Math.min(scenario.calls(), 3)));

                assertThat(receiver.received()).as(scenario.name()).isNotEmpty().allSatisfy(request -> {
                    ValidationReport report = contracts.validateEvent(request.json());
                    assertThat(report.errors())
                            .as(scenario.name() + " " + dialect.wireName() + " " + request.event() + ": "
                                    + request.text())
                            .isEmpty();
                    assertThat(report.eventType()).isEqualTo(EventType.fromWireName(request.event()));
                });
            }
        }
    }
}
