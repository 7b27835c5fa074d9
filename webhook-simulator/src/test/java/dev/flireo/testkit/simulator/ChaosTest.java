package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Chaos makes the faults a robust receiver must absorb: duplicates, disorder, lateness, retries. */
class ChaosTest {

    private static List<String> events(WebhookReceiver receiver) {
        return receiver.received().stream()
                .map(r -> r.event()
                        + (r.event().equals("status-update")
                                ? " " + r.json().at("/message/call/status").asText()
                                : ""))
                .toList();
    }

    @Test
    void duplicatesRepeatTheBodyWithAFreshSignature() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver("whsec_dup")) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .secret("whsec_dup")
                    .seed(8)
                    .chaos(Chaos.DUPLICATE)
                    .run(Scenario.named("outbound-happy-path"));

            report.assertPassed();
            List<ReceivedWebhook> reports = receiver.received().stream()
                    .filter(r -> r.event().equals("end-of-call-report"))
                    .toList();
            assertThat(reports).hasSize(2);
            assertThat(reports.get(1).text()).isEqualTo(reports.get(0).text());
            assertThat(reports.get(1).headers().get("X-Webhook-Signature"))
                    .isNotEqualTo(reports.get(0).headers().get("X-Webhook-Signature"));
            assertThat(receiver.received()).hasSize(4 + 2);
        }
    }

    @Test
    void outOfOrderDeliversTheEndedStatusAfterTheReport() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(null)) {
            WebhookSimulator.target(receiver.url())
                    .seed(8)
                    .chaos(Chaos.OUT_OF_ORDER)
                    .run(Scenario.named("outbound-happy-path"))
                    .assertPassed();

            assertThat(events(receiver))
                    .containsExactly(
                            "status-update ringing",
                            "status-update in-progress",
                            "end-of-call-report",
                            "status-update ended");
        }
    }

    @Test
    void slowDeliversTheFirstStatusLateAfterLaterEvents() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(null)) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .seed(8)
                    .chaos(Chaos.SLOW)
                    .run(Scenario.named("outbound-happy-path"));

            report.assertPassed();
            assertThat(events(receiver).get(0)).isEqualTo("status-update in-progress");
            assertThat(events(receiver)).contains("status-update ringing");
            assertThat(report.deliveries()).hasSize(4);
        }
    }

    @Test
    void retryResendsAFailedNotificationUntilItIsAcknowledged() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (WebhookReceiver receiver = WebhookReceiver.start()
                .replyToAll(request -> request.event().equals("end-of-call-report") && attempts.incrementAndGet() < 3
                        ? Reply.status(503, null)
                        : Reply.status(200, null))) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .seed(8)
                    .chaos(Chaos.RETRY)
                    .run(Scenario.named("outbound-no-answer"));

            report.assertPassed();
            assertThat(report.deliveries(EventType.END_OF_CALL_REPORT))
                    .extracting(Delivery::status)
                    .containsExactly(503, 503, 200);
            assertThat(attempts).hasValue(3);
        }
    }

    @Test
    void withoutRetryAFailedNotificationStaysFailed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.status(503, null))) {
            SimulationReport report =
                    WebhookSimulator.target(receiver.url()).seed(8).run(Scenario.named("outbound-no-answer"));

            assertThat(report.failures()).hasSize(3);
            assertThat(receiver.received()).hasSize(3);
        }
    }
}
