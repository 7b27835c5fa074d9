package dev.flireo.testkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.mock.FlireoMockExtension;
import dev.flireo.testkit.simulator.Chaos;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The booking line as an integrator tests it: the Flireo REST API is the toolkit's mock (the extension), and the
 * webhooks are the simulator's replays, with security probes and the platform's faults, against the running app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingLineTest {

    static final String SECRET = "whsec_booking_line";

    @RegisterExtension
    static FlireoMockExtension flireo =
            FlireoMockExtension.newInstance().resetBetweenTests(false).build();

    @DynamicPropertySource
    static void flireoProperties(DynamicPropertyRegistry registry) {
        registry.add("flireo.base-url", flireo::baseUrl);
        registry.add("flireo.api-key", flireo::apiKey);
        registry.add("flireo.webhook-secret", () -> SECRET);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    AssistantRegistration registration;

    @Autowired
    Bookings bookings;

    @Test
    void registersItsAssistantOnTheFlireoApi() throws Exception {
        UUID id = registration.register(URI.create(webhooks()));

        JsonNode assistant = flireo.state().get("assistants", id.toString()).orElseThrow();
        assertThat(assistant.path("name").asText()).isEqualTo(AssistantRegistration.NAME);
        assertThat(assistant.path("webhook_url").asText()).isEqualTo(webhooks());
    }

    @Test
    void answersEveryDeliveryAndRefusesForgedStaleAndReplayedOnes() {
        SimulationReport report = WebhookSimulator.target(webhooks())
                .secret(SECRET)
                .seed(7)
                .probeSecurity(true)
                .run(Scenario.named("inbound-tool-calls"));

        report.assertPassed();
    }

    @Test
    void duplicateAndOutOfOrderDeliveriesAreHandledOnce() {
        SimulationReport report = WebhookSimulator.target(webhooks())
                .secret(SECRET)
                .seed(42)
                .chaos(Chaos.DUPLICATE, Chaos.OUT_OF_ORDER)
                .run(Scenario.named("inbound-tool-calls"));

        report.assertPassed();
        assertThat(report.deliveries(EventType.END_OF_CALL_REPORT)).hasSize(2);
        assertThat(bookings.reports()).hasSizeGreaterThanOrEqualTo(1);
    }

    private String webhooks() {
        return "http://127.0.0.1:" + port + "/webhooks";
    }
}
