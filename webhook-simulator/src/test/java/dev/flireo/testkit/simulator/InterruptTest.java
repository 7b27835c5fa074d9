package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WebhookSimulator#interrupt(Duration)}: the run stops sending, returns soon, and says what did not finish. */
class InterruptTest {

    private static final String SECRET = "whsec_interrupt_test";

    /**
     * Runs inbound-happy-path, interrupts it once {@code when} opens, and checks that the report comes within the
     * grace plus one second.
     */
    private static SimulationReport interruptedRun(WebhookSimulator simulator, CountDownLatch when, Duration grace)
            throws Exception {
        CompletableFuture<SimulationReport> running =
                CompletableFuture.supplyAsync(() -> simulator.run(Scenario.named("inbound-happy-path")));
        assertThat(when.await(20, TimeUnit.SECONDS)).isTrue();
        long interruptedAt = System.nanoTime();
        simulator.interrupt(grace);
        SimulationReport report = running.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(grace.plusSeconds(1));
        return report;
    }

    @Test
    void anInterruptedRunSendsNothingMoreAndReportsTheRestAsNotSent(@TempDir Path dir) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.json("{}"))) {
            CountDownLatch twoDelivered = new CountDownLatch(2);
            WebhookSimulator simulator = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(7)
                    .realtime(true) // real gaps: the call would take about a minute
                    .progress(line -> twoDelivered.countDown());

            SimulationReport report = interruptedRun(simulator, twoDelivered, Duration.ofSeconds(2));

            assertThat(report.interrupted()).isTrue();
            assertThat(report.passed()).isFalse();
            assertThat(receiver.received()).hasSize(2);
            assertThat(report.deliveries())
                    .hasSize(2)
                    .allSatisfy(d -> assertThat(d.passed()).isTrue());
            assertThat(report.unfinished())
                    .containsExactly(
                            "call 1 status-update ended (user_hangup): interrupted: not sent",
                            "call 1 end-of-call-report: interrupted: not sent");
            assertThat(report.summary())
                    .startsWith("INTERRUPTED inbound-happy-path: 1 call, 2 deliveries")
                    .contains("interrupted: 2 deliveries not finished");
            assertThatThrownBy(report::assertPassed)
                    .hasMessageContaining("was interrupted")
                    .hasMessageContaining("end-of-call-report: interrupted: not sent");

            String xml = Files.readString(report.writeJUnitXml(dir.resolve("junit.xml")));
            assertThat(xml)
                    .contains(
                            "tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"2\"",
                            "<property name=\"interrupted\" value=\"true\"/>",
                            "name=\"004 end-of-call-report\" time=\"0.000\">\n    <skipped message=\"interrupted: not sent\"/>");
            String html = Files.readString(report.writeHtml(dir.resolve("report")));
            assertThat(html)
                    .contains(
                            "<title>INTERRUPTED inbound-happy-path",
                            "Not finished: the run was interrupted",
                            "call 1 end-of-call-report: interrupted: not sent");
        }
    }

    @Test
    void aDeliveryWithoutAReplyWithinTheGraceIsReportedAsSent() throws Exception {
        CountDownLatch hanging = new CountDownLatch(1);
        try (WebhookReceiver receiver = WebhookReceiver.start().reply("status-update", request -> {
            hanging.countDown();
            return Reply.ok().after(Duration.ofMinutes(1)); // no reply before the run stops; closing ends the wait
        })) {
            WebhookSimulator simulator =
                    WebhookSimulator.target(receiver.url()).secret(SECRET).seed(7);

            SimulationReport report = interruptedRun(simulator, hanging, Duration.ofMillis(300));

            assertThat(report.deliveries()).hasSize(1); // the assistant-request
            assertThat(report.unfinished())
                    .containsExactly(
                            "call 1 status-update in-progress: interrupted: sent, but no reply before the run stopped",
                            "call 1 status-update ended (user_hangup): interrupted: not sent",
                            "call 1 end-of-call-report: interrupted: not sent");
            assertThat(report.transcript(1)).isEmpty(); // recorded, but nobody spoke yet
        }
    }

    @Test
    void anInterruptBeforeTheRunStopsItAtOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.json("{}"))) {
            WebhookSimulator simulator =
                    WebhookSimulator.target(receiver.url()).secret(SECRET).probeSecurity(true);
            simulator.interrupt(Duration.ZERO);

            SimulationReport report = simulator.run(Scenario.named("outbound-no-answer"));

            assertThat(receiver.received()).isEmpty();
            assertThat(report.interrupted()).isTrue();
            assertThat(report.unfinished())
                    .containsExactly(
                            "call 1 status-update ringing: interrupted: not sent",
                            "call 1 status-update ended (no_answer): interrupted: not sent",
                            "call 1 end-of-call-report: interrupted: not sent",
                            "security probes: interrupted: not sent");
            SimulationReport next = simulator.probeSecurity(false).run(Scenario.named("outbound-no-answer"));
            assertThat(next.interrupted()).isFalse(); // the interrupt was for one run only
            assertThat(next.deliveries()).hasSize(3);
        }
    }
}
