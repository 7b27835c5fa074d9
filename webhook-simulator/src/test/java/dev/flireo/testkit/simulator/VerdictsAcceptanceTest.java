package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pass, warn and fail against real receivers on 127.0.0.1: what the vendor documents passes, what the platform
 * tolerates but is risky warns (and fails only when asked), and the hints that name the likely fix.
 */
class VerdictsAcceptanceTest {

    private static final String SECRET = "whsec_test_secret_12345";

    /** Exactly what the vendor documents: signature over timestamp and raw body, 300 s both ways, nothing more. */
    private static Reply documented(ReceivedWebhook request) {
        SignatureCheck check = WebhookSignature.verifier(SECRET).verify(request.headers(), request.body());
        return check.valid() ? Reply.status(200, "{}") : Reply.status(401, "{\"error\":\"" + check.reason() + "\"}");
    }

    @Test
    void aReceiverThatDoesWhatTheVendorDocumentsPassesTheProbesWithAWarningForTheReplay(@TempDir Path dir)
            throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(VerdictsAcceptanceTest::documented)) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(5)
                    .probeSecurity(true)
                    .run(Scenario.named("outbound-happy-path"));

            assertThat(report.passed()).as(report.summary()).isTrue();
            assertThat(report.probes()).hasSize(6);
            assertThat(report.acceptedProbes()).containsExactly(SecurityProbe.REPLAY);
            ProbeResult replay = report.probes().get(5);
            assertThat(replay.warning()).isTrue();
            assertThat(replay.delivery().verdict().outcome()).isEqualTo(Verdict.Outcome.WARN);
            assertThat(report.warnings())
                    .singleElement()
                    .satisfies(w -> assertThat(w)
                            .startsWith(
                                    "security probe replay: accepted with HTTP 200 a byte-for-byte replay inside the 300 s window")
                            .contains("can send it again for 5 minutes", "Dedupe", "X-Webhook-Signature"));
            assertThat(report.summary())
                    .contains(
                            "0 failed verdicts, 1 warning",
                            "security probes: 5 of 6 rejected; accepted with a warning: replay");

            String xml = Files.readString(report.writeJUnitXml(dir.resolve("replay.xml")));
            assertThat(xml)
                    .contains(
                            "<property name=\"warnings\" value=\"1\"/>",
                            "failures=\"0\"",
                            "<property name=\"verdict\" value=\"warn\"/>",
                            "WARN: accepted with HTTP 200 a byte-for-byte replay");
            assertThat(Files.readString(report.writeHtml(dir.resolve("html"))))
                    .contains("<h2>Warnings</h2>", "<tr class=\"warn\">", "byte-for-byte replay");
        }
    }

    @Test
    void strictProbesFailTheReplayAndStrictRunsFailEveryWarning(@TempDir Path dir) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(VerdictsAcceptanceTest::documented)) {
            SimulationReport strictProbes = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(5)
                    .probeSecurity(true)
                    .strictProbes(true)
                    .run(Scenario.named("outbound-happy-path"));
            assertThat(strictProbes.passed()).isFalse();
            assertThat(strictProbes.failures())
                    .singleElement()
                    .asString()
                    .startsWith("security probe replay: accepted");
            assertThat(strictProbes.summary()).contains("wrongly accepted: replay");

            SimulationReport strict = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(5)
                    .probeSecurity(true)
                    .strict(true)
                    .run(Scenario.named("outbound-happy-path"));
            assertThat(strict.passed()).isFalse();
            assertThat(strict.failures()).isEqualTo(strict.warnings()).hasSize(1);
            assertThat(Files.readString(strict.writeJUnitXml(dir.resolve("strict.xml"))))
                    .contains(
                            "failures=\"1\"",
                            "<failure type=\"warning\"",
                            "<property name=\"strict\" value=\"true\"/>");
        }
    }

    @Test
    void probesCanBeChosenOneByOne() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(VerdictsAcceptanceTest::documented)) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(5)
                    .probes(SecurityProbe.TAMPERED_BODY, SecurityProbe.STALE_TIMESTAMP)
                    .run(Scenario.named("outbound-no-answer"));

            assertThat(report.probes())
                    .extracting(ProbeResult::probe)
                    .containsExactly(SecurityProbe.TAMPERED_BODY, SecurityProbe.STALE_TIMESTAMP);
            assertThat(report.warnings()).isEmpty();
            report.assertPassed();
        }
    }

    @Test
    void oneResultForSeveralToolCallsPassesWithAWarningThatNamesTheCallThatGetsIt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()
                .replyToAll(request ->
                        Reply.json(request.event().equals("tool-calls") ? "{\"result\":{\"status\":\"ok\"}}" : "{}"))) {
            SimulationReport report =
                    WebhookSimulator.target(receiver.url()).seed(42).run(Scenario.named("inbound-tool-calls"));

            report.assertPassed();
            Delivery two = report.deliveries(EventType.TOOL_CALLS).get(1);
            JsonNode list = new ObjectMapper().readTree(two.request().body()).at("/message/toolCallList");
            assertThat(two.verdict().outcome()).isEqualTo(Verdict.Outcome.WARN);
            assertThat(two.verdict().reason())
                    .isEqualTo("answered 2 tool calls with a single result, which the "
                            + "platform accepts as the answer to the first, check_availability ("
                            + list.at("/0/id").asText()
                            + "); book_appointment (" + list.at("/1/id").asText()
                            + ") gets no result of its own. Reply with "
                            + "results[] keyed by tool call id to answer each");
            assertThat(report.deliveries(EventType.TOOL_CALLS).get(0).verdict())
                    .isEqualTo(Verdict.pass("answered with a single result"));

            SimulationReport strict = WebhookSimulator.target(receiver.url())
                    .seed(42)
                    .strict(true)
                    .run(Scenario.named("inbound-tool-calls"));
            assertThat(strict.passed()).isFalse();
        }
    }

    @Test
    void aRefusedSignedDeliverySaysTheSecretMayDifferAndShowsTheReply() throws Exception {
        String refusal = "{\"error\":\"invalid signature\",\"detail\":\"" + "x".repeat(300) + "\"}";
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.status(401, refusal))) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(3)
                    .run(Scenario.named("outbound-no-answer"));

            assertThat(report.deliveries())
                    .allSatisfy(d -> assertThat(d.verdict().reason())
                            .startsWith(
                                    "answered HTTP 401, expected 2xx. The delivery was signed, so the receiver's secret "
                                            + "may differ from the one the platform signs with")
                            .endsWith("the reply began: " + refusal.substring(0, 200) + "..."));
        }
        try (WebhookReceiver unsigned = WebhookReceiver.start().replyToAll(request -> Reply.status(403, "{}"))) {
            SimulationReport report =
                    WebhookSimulator.target(unsigned.url()).seed(3).run(Scenario.named("outbound-no-answer"));
            assertThat(report.deliveries().get(0).verdict().reason()).isEqualTo("answered HTTP 403, expected 2xx");
        }
    }

    @Test
    void assistantFieldsAtTheTopLevelOfTheReplyAreToldToMoveIntoAssistant() throws Exception {
        String reply = "{\"firstMessage\":\"Hoi Jan!\",\"llm_config\":{\"model\":\"gpt-4o\"}}";
        try (WebhookReceiver receiver = WebhookReceiver.start()
                .replyToAll(request -> Reply.json(request.event().equals("assistant-request") ? reply : "{}"))) {
            SimulationReport report =
                    WebhookSimulator.target(receiver.url()).seed(9).run(Scenario.named("inbound-personalised"));

            Verdict verdict =
                    report.deliveries(EventType.ASSISTANT_REQUEST).get(0).verdict();
            assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAIL);
            assertThat(verdict.reason())
                    .startsWith("the reply breaks the assistant-request reply contract: ")
                    .endsWith("the platform would fall back to the default configuration. `firstMessage`, `llm_config` "
                            + "are assistant fields at the top level of the reply, where the platform ignores them: "
                            + "wrap them in `assistant`, e.g. {\"assistant\":{\"firstMessage\":\"Hoi Jan!\"}}");
        }
    }

    @Test
    void payloadTimesAreTheTimesOfSendingAndTheRestStaysReproducible() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.json("{}"))) {
            WebhookSimulator simulator = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(11)
                    .dialect(Dialect.VOICEDOCK);
            simulator.run(Scenario.named("outbound-happy-path"));
            simulator.run(Scenario.named("outbound-happy-path"));

            List<ReceivedWebhook> received = receiver.received();
            assertThat(received).hasSize(8).allSatisfy(request -> {
                long header = Long.parseLong(request.headers().get("X-Webhook-Timestamp"));
                long body = java.time.Instant.parse(
                                request.json().at("/message/timestamp").asText())
                        .getEpochSecond();
                assertThat(body).isBetween(header - 1, header);
            });
            JsonNode report = received.get(3).json().get("message");
            assertThat(report.get("ended_at").asText())
                    .isEqualTo(received.get(2).json().at("/message/timestamp").asText());
            assertThat(report.get("started_at").asText())
                    .isEqualTo(received.get(1).json().at("/message/timestamp").asText());
            for (int i = 0; i < 4; i++) {
                assertThat(withoutTimes(received.get(i + 4).json()))
                        .isEqualTo(withoutTimes(received.get(i).json()));
            }
        }
    }

    @Test
    void aFixedClockMakesRunsByteIdenticalHeadersIncluded() throws Exception {
        java.time.Instant start = java.time.Instant.parse("2026-01-05T09:00:00Z");
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.json("{}"))) {
            WebhookSimulator simulator = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(11)
                    .fixedClock(start);
            simulator.run(Scenario.named("outbound-happy-path"));
            simulator.run(Scenario.named("outbound-happy-path"));

            List<ReceivedWebhook> received = receiver.received();
            assertThat(received).hasSize(8);
            assertThat(received.get(0).json().at("/message/timestamp").asText()).isEqualTo("2026-01-05T09:00:00.000Z");
            for (int i = 0; i < 4; i++) {
                assertThat(received.get(i + 4).text()).isEqualTo(received.get(i).text());
                assertThat(received.get(i + 4).headers().get("X-Webhook-Signature"))
                        .isEqualTo(received.get(i).headers().get("X-Webhook-Signature"));
            }
            assertThat(received.subList(0, 4))
                    .extracting(r -> r.json().at("/message/timestamp").asText())
                    .isSorted();
        }
    }

    private static JsonNode withoutTimes(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        ObjectNode message = (ObjectNode) copy.get("message");
        message.remove(List.of("timestamp", "startedAt", "endedAt", "started_at", "ended_at"));
        return copy;
    }
}
