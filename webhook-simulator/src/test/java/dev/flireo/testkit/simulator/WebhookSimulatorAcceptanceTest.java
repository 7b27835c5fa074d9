package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scenarios against real receivers on 127.0.0.1: the verdicts a person would expect. */
class WebhookSimulatorAcceptanceTest {

    private static final String SECRET = "whsec_test_secret_12345";

    @Test
    void wellBehavedReceiverPassesTheToolCallScenario() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(SECRET)) {
            // spotless:off the README's Java example is this code as written (ReadmeTest)
            // README: java-api
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .dialect(Dialect.FLIREO)
                    .seed(42)
                    .run(Scenario.named("inbound-tool-calls"));

            report.assertPassed();
            assertThat(report.deliveries(EventType.TOOL_CALLS))
                    .extracting(d -> d.verdict().reason())
                    .containsExactly("results for all 1 tool call id", "results for all 2 tool call ids");
            // README: end
            // spotless:on
            assertThat(report.deliveries())
                    .extracting(Delivery::event)
                    .containsExactly(
                            EventType.ASSISTANT_REQUEST,
                            EventType.STATUS_UPDATE,
                            EventType.TOOL_CALLS,
                            EventType.TOOL_CALLS,
                            EventType.STATUS_UPDATE,
                            EventType.END_OF_CALL_REPORT);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyBuiltInScenarioPassesAgainstAWellBehavedReceiverInEveryDialect(Dialect dialect) throws Exception {
        for (Scenario scenario : Scenario.builtIns()) {
            try (WebhookReceiver receiver = WellBehavedHandler.receiver(SECRET)) {
                String mode = scenario.name().equals("inbound-personalised")
                        ? "?mode=personalise"
                        : scenario.name().equals("inbound-rejected") ? "?mode=reject" : "";
                SimulationReport report = WebhookSimulator.target(receiver.url("/hook" + mode))
                        .secret(SECRET)
                        .dialect(dialect)
                        .seed(7)
                        .run(scenario);
                assertThat(report.failures()).as(scenario.name()).isEmpty();
                assertThat(report.passed()).isTrue();
            }
        }
    }

    @Test
    void deliveriesCarryThePlatformsHeadersAndAVerifiableSignature() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.status(200, "{}"))) {
            WebhookSimulator.target(receiver.url()).secret(SECRET).seed(1).run(Scenario.named("inbound-happy-path"));

            assertThat(receiver.received()).hasSize(4).allSatisfy(request -> {
                assertThat(request.headers())
                        .containsEntry("Content-Type", "application/json")
                        .containsEntry("User-Agent", "HMS-Sovereign/1.0")
                        .containsEntry(
                                "X-Webhook-Event",
                                request.json().path("message").path("type").asText());
                assertThat(request.headers().get("X-Webhook-Timestamp")).matches("\\d{10}");
                assertThat(request.headers().get("X-Webhook-Signature")).matches("sha256=[0-9a-f]{64}");
                SignatureCheck check = WebhookSignature.verifier(SECRET).verify(request.headers(), request.body());
                assertThat(check.valid()).as(check.message()).isTrue();
            });
        }
    }

    @Test
    void withoutASecretNoSignatureIsSent() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.status(200, "{}"))) {
            WebhookSimulator.target(receiver.url()).seed(1).run(Scenario.named("outbound-no-answer"));

            assertThat(receiver.received()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.headers()).doesNotContainKey("X-Webhook-Signature");
                assertThat(request.headers()).containsKey("X-Webhook-Timestamp");
            });
        }
    }

    @Test
    void oneCallIdIncreasingTimestampsAndValidNumbersAcrossTheScenario() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(null)) {
            WebhookSimulator.target(receiver.url()).seed(99).run(Scenario.named("inbound-tool-calls"));

            List<JsonNode> messages = receiver.received().stream()
                    .map(r -> r.json().path("message"))
                    .toList();
            assertThat(messages.stream()
                            .map(m -> m.path("call").path("id").asText())
                            .distinct())
                    .hasSize(1);
            List<String> times =
                    messages.stream().map(m -> m.path("timestamp").asText()).toList();
            assertThat(times).isSorted().doesNotHaveDuplicates();
            assertThat(messages).allSatisfy(m -> {
                assertThat(m.path("customer").path("number").asText()).matches("\\+[1-9][0-9]{6,14}");
                assertThat(m.path("phoneNumber").path("number").asText()).matches("\\+[1-9][0-9]{6,14}");
            });
        }
    }

    @Test
    void theSameSeedSendsTheSameEventsApartFromTheTimesOfSendingAndAnotherSeedDoesNot() throws Exception {
        try (WebhookReceiver first = WellBehavedHandler.receiver(null);
                WebhookReceiver second = WellBehavedHandler.receiver(null);
                WebhookReceiver third = WellBehavedHandler.receiver(null)) {
            Scenario scenario = Scenario.named("campaign-batch");
            WebhookSimulator.target(first.url())
                    .seed(2024)
                    .dialect(Dialect.VOICEDOCK)
                    .run(scenario);
            WebhookSimulator.target(second.url())
                    .seed(2024)
                    .dialect(Dialect.VOICEDOCK)
                    .run(scenario);
            WebhookSimulator.target(third.url())
                    .seed(2025)
                    .dialect(Dialect.VOICEDOCK)
                    .run(scenario);

            assertThat(bodies(second)).isEqualTo(bodies(first)).hasSize(5 * 5);
            assertThat(bodies(third)).isNotEqualTo(bodies(first));
        }
    }

    /** The bodies with their times of sending taken out ({@code aFixedClockMakesRunsByteIdentical...} keeps them). */
    private static Set<String> bodies(WebhookReceiver receiver) {
        return receiver.received().stream()
                .map(ReceivedWebhook::text)
                .map(body -> body.replaceAll("\"(timestamp|started_at|ended_at)\":\"[^\"]*\"", "\"$1\":\"\""))
                .collect(Collectors.toSet());
    }

    @Test
    void personalisedGreetingIsWhatTheAgentSaysAndMetadataIsEchoed() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(SECRET)) {
            SimulationReport report = WebhookSimulator.target(receiver.url("/hook?mode=personalise"))
                    .secret(SECRET)
                    .seed(3)
                    .run(Scenario.named("inbound-personalised"));

            report.assertPassed();
            assertThat(report.transcript(1).get(0))
                    .isEqualTo(new ChatMessage("assistant", "Hallo, fijn dat je weer belt!"));
            List<ReceivedWebhook> later =
                    receiver.received().subList(1, receiver.received().size());
            assertThat(later)
                    .allSatisfy(r -> assertThat(r.json()
                                    .at("/message/assistant/metadata/crm_id")
                                    .asText())
                            .isEqualTo("12345"));
        }
    }

    @Test
    void aReceiverThatKeepsTheDefaultFailsThePersonalisedScenario() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(null)) {
            SimulationReport report =
                    WebhookSimulator.target(receiver.url()).seed(3).run(Scenario.named("inbound-personalised"));

            assertThat(report.passed()).isFalse();
            assertThat(report.failures())
                    .singleElement()
                    .asString()
                    .startsWith("call 1 assistant-request: expected the reply to override the greeting");
        }
    }

    @Test
    void aRejectionIsSpokenToTheCaller() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(null)) {
            SimulationReport report = WebhookSimulator.target(receiver.url("/hook?mode=reject"))
                    .seed(3)
                    .run(Scenario.named("inbound-rejected"));

            report.assertPassed();
            assertThat(report.deliveries(EventType.ASSISTANT_REQUEST)
                            .get(0)
                            .verdict()
                            .reason())
                    .startsWith("rejects the call with \"Sorry, we zijn op dit moment gesloten.");
            assertThat(report.transcript(1))
                    .extracting(ChatMessage::content)
                    .containsExactly("Sorry, we zijn op dit moment gesloten. Bel terug tijdens kantooruren.");
        }
    }

    @Test
    void aSlowAssistantRequestReplyMeansTheDefaultConfiguration() throws Exception {
        Scenario onlyTheRequest = Scenario.parse("""
                name: just-ringing
                description: One assistant-request.
                call: inbound
                steps:
                  - assistant-request: accept
                """, "just-ringing.yaml");
        try (WebhookReceiver receiver =
                WebhookReceiver.start().replyToAll(Reply.ok().after(Duration.ofMillis(5_600)))) {
            long start = System.nanoTime();
            SimulationReport report = WebhookSimulator.target(receiver.url()).run(onlyTheRequest);

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(7_500);
            assertThat(report.failures())
                    .singleElement()
                    .asString()
                    .isEqualTo(
                            "call 1 assistant-request: "
                                    + "no answer within 5 s (timed out); the platform would fall back to the default configuration");
        }
    }

    @Test
    void wrongShapedRepliesAreNamed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> switch (request.event()) {
            case "assistant-request" -> Reply.json("{\"assistant\":\"Hallo!\"}");
            case "tool-calls" -> Reply.json("{\"results\":[{\"toolCallId\":\"tool_wrong\",\"result\":1}]}");
            case "status-update" -> Reply.status(500, "oops");
            default -> Reply.json("not json at all");
        })) {
            SimulationReport report =
                    WebhookSimulator.target(receiver.url()).seed(5).run(Scenario.named("inbound-tool-calls"));

            assertThat(report.failures()).hasSize(5);
            assertThat(report.failures().get(0))
                    .startsWith("call 1 assistant-request: the reply breaks the assistant-request reply contract:"
                            + " /assistant")
                    .contains("must be an object")
                    .endsWith("; the platform would fall back to the default configuration");
            assertThat(report.failures().get(2))
                    .startsWith("call 1 tool-calls lookup_customer: no result for tool" + " call id tool_");
            assertThat(report.failures().get(1))
                    .isEqualTo("call 1 status-update in-progress: answered HTTP 500," + " expected 2xx");
            assertThat(report.failures().get(4))
                    .isEqualTo("call 1 status-update ended (user_hangup):" + " answered HTTP 500, expected 2xx");
            assertThat(report.deliveries(EventType.END_OF_CALL_REPORT).get(0).passed())
                    .isTrue();
        }
    }

    @Test
    void aSingleResultForTwoToolCallsIsAWarning() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()
                .replyToAll(request ->
                        Reply.json(request.event().equals("tool-calls") ? "{\"result\":{\"ok\":true}}" : "{}"))) {
            SimulationReport report =
                    WebhookSimulator.target(receiver.url()).seed(5).run(Scenario.named("inbound-tool-calls"));

            assertThat(report.deliveries(EventType.TOOL_CALLS))
                    .extracting(d -> d.verdict().outcome())
                    .containsExactly(Verdict.Outcome.PASS, Verdict.Outcome.WARN);
            assertThat(report.failures()).isEmpty();
            assertThat(report.warnings())
                    .singleElement()
                    .asString()
                    .contains("answered 2 tool calls with a single result");
        }
    }

    @Test
    void securityProbesNameEveryForgeryASignatureIgnoringReceiverAccepts() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(null)) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(11)
                    .probeSecurity(true)
                    .run(Scenario.named("inbound-happy-path"));

            assertThat(report.acceptedProbes()).containsExactly(SecurityProbe.values());
            assertThat(report.passed()).isFalse();
            assertThat(report.summary())
                    .contains("security probes: 0 of 6 rejected; wrongly accepted: "
                            + "tampered-body, wrong-secret, no-signature, stale-timestamp, future-timestamp; "
                            + "accepted with a warning: replay");
        }
    }

    @Test
    void aVerifyingReceiverRejectsEveryProbe() throws Exception {
        try (WebhookReceiver receiver = WellBehavedHandler.receiver(SECRET)) {
            SimulationReport report = WebhookSimulator.target(receiver.url())
                    .secret(SECRET)
                    .seed(11)
                    .probeSecurity(true)
                    .run(Scenario.named("outbound-happy-path"));

            report.assertPassed();
            assertThat(report.probes())
                    .hasSize(6)
                    .allSatisfy(p -> assertThat(p.delivery().status()).isBetween(400, 499));
        }
    }

    @Test
    void compressedTimePlaysAHundredthOfEachGapAndRealtimeTheWholeGap() throws Exception {
        Scenario twoSeconds = Scenario.parse("""
                name: two-seconds
                description: Two status updates 1.2 s apart.
                call: web
                steps:
                  - status: in-progress
                  - status: ended
                    after: 1.2s
                """, "two-seconds.yaml");
        try (WebhookReceiver receiver = WebhookReceiver.start().replyToAll(request -> Reply.status(204, null))) {
            long start = System.nanoTime();
            WebhookSimulator.target(receiver.url()).seed(4).run(twoSeconds).assertPassed();
            long compressed = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            WebhookSimulator.target(receiver.url())
                    .seed(4)
                    .realtime(true)
                    .run(twoSeconds)
                    .assertPassed();
            long realtime = (System.nanoTime() - start) / 1_000_000;

            assertThat(compressed).isLessThan(1_000);
            assertThat(realtime).isGreaterThanOrEqualTo(1_200);
            // The payload times are the times of sending: a hundredth of the gap apart, then the whole gap.
            List<java.time.Instant> times = receiver.received().stream()
                    .map(r -> java.time.Instant.parse(
                            r.json().at("/message/timestamp").asText()))
                    .toList();
            assertThat(java.time.Duration.between(times.get(0), times.get(1)))
                    .isLessThan(java.time.Duration.ofMillis(1000));
            assertThat(java.time.Duration.between(times.get(2), times.get(3)))
                    .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(1200));
        }
    }

    @Test
    void probesNeedASecret() {
        WebhookSimulator simulator =
                WebhookSimulator.target("http://127.0.0.1:9/hook").probeSecurity(true);

        assertThatThrownBy(() -> simulator.run(Scenario.named("web-call")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("security probes need a secret");
    }
}
