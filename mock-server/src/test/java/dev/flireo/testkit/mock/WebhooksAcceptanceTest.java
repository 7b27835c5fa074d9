package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import dev.flireo.testkit.simulator.Delivery;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live calls send the signed webhooks a real call would, to a real receiver that verifies every signature; here in
 * the Flireo (camelCase) dialect, chosen on the builder ({@link WebhookDialectAcceptanceTest} plays the default).
 */
class WebhooksAcceptanceTest {

    private static final String SECRET = "whsec_test_secret_12345";

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options()
                    .manualClock(Instant.parse("2025-12-13T12:00:00Z"))
                    .webhookDialect(Dialect.FLIREO)))
            .build();

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        receiver = WebhookReceiver.start().requireSignature(SECRET);
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private String assistant(String extra) {
        Http.Reply reply = Http.send(
                "POST",
                flireo.baseUrl() + "/assistants",
                flireo.apiKey(),
                "{\"name\":\"Support\","
                        + "\"first_message\":\"Hallo, waarmee kan ik u helpen?\",\"webhook_url\":\"" + receiver.url()
                        + "\","
                        + "\"webhook_secret\":\"" + SECRET + "\"" + extra + "}");
        String id = reply.json().at("/assistant/id").asText();
        Http.send(
                "POST",
                flireo.baseUrl() + "/numbers",
                flireo.apiKey(),
                "{\"phone_number\":\"+31850835037\",\"name\":\"Flireo Demo\",\"agent_id\":\"" + id + "\"}");
        return id;
    }

    private String dial(String agent) {
        return Http.send(
                        "POST",
                        flireo.baseUrl() + "/calls/outbound",
                        flireo.apiKey(),
                        "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent
                                + "\",\"metadata\":{\"crm_id\":\"42\"}}")
                .json()
                .get("call_id")
                .asText();
    }

    @Test
    void anOutboundCallSendsSignedStatusUpdatesAndTheEndOfCallReport() throws Exception {
        String call = dial(assistant(""));
        flireo.clock().advance(Duration.ofSeconds(4));
        flireo.clock().advance(Duration.ofSeconds(30));
        receiver.awaitReceived(4);

        assertThat(receiver.events())
                .containsExactly("status-update", "status-update", "status-update", "end-of-call-report");
        assertThat(receiver.received()).allSatisfy(r -> {
            assertThat(r.signature(SECRET).valid())
                    .as(r.signature(SECRET).message())
                    .isTrue();
            assertThat(r.headers().get("User-Agent")).isEqualTo("HMS-Sovereign/1.0");
            assertThat(r.json().at("/message/call/type").asText()).isEqualTo("outboundPhoneCall");
            assertThat(r.json().at("/message/customer/number").asText()).isEqualTo("+31612345678");
            assertThat(r.json().at("/message/phoneNumber/name").asText()).isEqualTo("Flireo Demo");
        });
        assertThat(receiver.received())
                .extracting(r -> r.json().at("/message/call/status").asText())
                .containsExactly("ringing", "in-progress", "ended", "ended");
        JsonNode report = receiver.received().get(3).json().get("message");
        assertThat(report.get("durationSeconds").asInt()).isEqualTo(30);
        assertThat(report.get("summary").asText()).contains("+31612345678");
        assertThat(report.get("timestamp").asText()).isEqualTo("2025-12-13T12:00:34.000Z");
        String webhookCallId = report.at("/call/id").asText();
        assertThat(webhookCallId).matches("[0-9a-f-]{36}");
        assertThat(receiver.received())
                .allSatisfy(r ->
                        assertThat(r.json().at("/message/call/id").asText()).isEqualTo(webhookCallId));

        assertThat(flireo.awaitDeliveries(4, Duration.ofSeconds(10)))
                .hasSize(4)
                .allSatisfy(d -> assertThat(d.passed()).isTrue());
        JsonNode log =
                Http.send("GET", flireo.adminUrl() + "/deliveries", null, null).json();
        assertThat(log).hasSize(4);
        assertThat(log.get(3).get("call_id").asText()).isEqualTo(call);
        assertThat(log.get(3).get("event").asText()).isEqualTo("end-of-call-report");
        assertThat(log.get(3).at("/verdict/passed").asBoolean()).isTrue();
        assertThat(log.get(3).at("/verdict/outcome").asText()).isEqualTo("pass");
    }

    @Test
    void aDeliveryStillInFlightAtAResetIsNotLoggedAfterIt() {
        receiver.replyToAll(Reply.ok().after(Duration.ofMillis(300)));
        dial(assistant(""));
        flireo.clock().advance(Duration.ofSeconds(1));
        receiver.awaitReceived(1); // the status-update is in flight: its reply is 300 ms away

        flireo.server().reset(); // what the extension does between tests

        // What the next test sees must be its own: the answer of the earlier delivery arrives, but is not logged.
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(5))
                .until(() -> flireo.deliveries().isEmpty());
    }

    @Test
    void onlyTheSubscribedEventsAreSent() throws Exception {
        dial(assistant(",\"webhook_events\":[\"end-of-call-report\"]"));
        flireo.clock().advance(Duration.ofSeconds(40));
        // A call's webhooks go out one after the other, so a status-update sent by mistake arrives before the report.
        receiver.awaitEvent("end-of-call-report");
        assertThat(receiver.events()).containsExactly("end-of-call-report");
    }

    @Test
    void functionToolsAreCalledAndTheirResultsJoinTheTranscript() throws Exception {
        receiver.reply(
                "tool-calls", Reply.json("{\"result\":{\"name\":\"Jan de Vries\",\"email\":\"jan@example.com\"}}"));
        String call = dial(assistant(",\"llm_config\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"tools\":[{"
                + "\"name\":\"lookup_contact\",\"description\":\"Find a contact\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}}]}"));
        flireo.clock().advance(Duration.ofSeconds(4));
        flireo.clock().advance(Duration.ofSeconds(2));
        receiver.awaitReceived(3);
        Receiver tool = new Receiver(receiver.received().get(2)); // after the ringing and in-progress status-updates
        assertThat(tool.event()).isEqualTo("tool-calls");
        assertThat(tool.body().at("/message/toolCallList/0/function/name").asText())
                .isEqualTo("lookup_contact");
        assertThat(tool.body()
                        .at("/message/toolCallList/0/function/arguments/query")
                        .isTextual())
                .isTrue();
        assertThat(tool.body().at("/message/assistant/metadata/crm_id").asText(""))
                .isIn("42", "");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(callDetail(call).get("messages").toString()).contains("Jan de Vries"));
        Delivery delivery = flireo.awaitDeliveries(3, Duration.ofSeconds(10)).get(2);
        assertThat(delivery.passed()).as(delivery.verdict().reason()).isTrue();
    }

    @Test
    void theSdksNestedFunctionToolIsCalledAtItsServerUrl() throws Exception {
        // The assistant's own webhook goes nowhere: only the tool's server.url reaches the receiver.
        String id = Http.send(
                        "POST",
                        flireo.baseUrl() + "/assistants",
                        flireo.apiKey(),
                        "{\"name\":\"Nested\","
                                + "\"webhook_url\":\"http://127.0.0.1:9/unused\",\"llm_config\":{\"provider\":\"openai\","
                                + "\"model\":\"gpt-4o-mini\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup_contact\","
                                + "\"description\":\"Find a contact\",\"parameters\":{\"type\":\"object\",\"properties\":"
                                + "{\"query\":{\"type\":\"string\"}}}},\"server\":{\"url\":\"" + receiver.url()
                                + "\"}}]}}")
                .json()
                .at("/assistant/id")
                .asText();
        Http.send(
                "POST",
                flireo.baseUrl() + "/numbers",
                flireo.apiKey(),
                "{\"phone_number\":\"+31850835037\",\"agent_id\":\"" + id + "\"}");
        dial(id);
        flireo.clock().advance(Duration.ofSeconds(4));
        flireo.clock().advance(Duration.ofSeconds(2));
        receiver.awaitReceived(1);
        Receiver tool = new Receiver(receiver.received().get(0));
        assertThat(tool.event()).isEqualTo("tool-calls");
        assertThat(tool.body().at("/message/toolCallList/0/function/name").asText())
                .isEqualTo("lookup_contact");
    }

    @Test
    void anInboundCallAsksTheAssistantRequestAndAppliesTheReply() throws Exception {
        assistant("");
        receiver.reply(
                "assistant-request",
                Reply.json("{\"assistant\":{\"firstMessage\":\"Hallo Jan, leuk dat je belt!\"},"
                        + "\"maxDurationSeconds\":20}"));
        String call = flireo.startInboundCall("+31850835037", "+31611112222");
        receiver.awaitReceived(1);
        flireo.awaitDeliveries(1, Duration.ofSeconds(10)); // the mock has its reply; anything else would come after
        assertThat(receiver.events()).containsExactly("assistant-request");
        assertThat(receiver.received().get(0).json().at("/message/call/status").asText())
                .isEqualTo("ringing");
        flireo.clock().advance(Duration.ofSeconds(60));
        // The reply is applied on the sender's thread, and the call then catches up with the clock.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> callDetail(call).get("status").asText().equals("ended"));
        JsonNode detail = Http.send("GET", flireo.baseUrl() + "/calls/" + call, flireo.apiKey(), null)
                .json();
        assertThat(detail.at("/messages/0/content").asText()).isEqualTo("Hallo Jan, leuk dat je belt!");
        assertThat(detail.get("duration_seconds").asInt()).isEqualTo(20);
        assertThat(detail.get("end_reason").asText()).isEqualTo("max_duration");
    }

    @Test
    void anErrorReplyRejectsTheCall() throws Exception {
        assistant("");
        receiver.reply("assistant-request", Reply.json("{\"error\":\"Sorry, we zijn op dit moment gesloten.\"}"));
        String call = flireo.startInboundCall("+31850835037", "+31611112222");
        receiver.awaitReceived(1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !callDetail(call).get("status").asText().equals("ringing"));
        JsonNode detail = callDetail(call);
        assertThat(detail.get("status").asText()).isEqualTo("rejected");
        assertThat(detail.get("error").asText()).isEqualTo("Sorry, we zijn op dit moment gesloten.");
    }

    @Test
    void withoutAnAnswerWithinFiveSecondsTheSavedAssistantAnswers() throws Exception {
        assistant("");
        receiver.replyToAll(Reply.ok().after(Duration.ofSeconds(6)));
        String call = flireo.startInboundCall("+31850835037", "+31611112222");
        flireo.clock().advance(Duration.ofSeconds(2));
        assertThat(Http.send("GET", flireo.baseUrl() + "/calls/" + call, flireo.apiKey(), null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ringing");
        String status = await().atMost(Duration.ofSeconds(8))
                .until(() -> callDetail(call).get("status").asText(), now -> !now.equals("ringing"));
        assertThat(status).isEqualTo("in-progress");
        JsonNode detail = Http.send("GET", flireo.baseUrl() + "/calls/" + call, flireo.apiKey(), null)
                .json();
        assertThat(detail.at("/messages/0/content").asText()).isEqualTo("Hallo, waarmee kan ik u helpen?");
        Delivery timedOut = flireo.awaitDeliveries(1, Duration.ofSeconds(10)).get(0);
        assertThat(timedOut.passed()).isFalse();
        assertThat(timedOut.error()).isNotNull();
    }

    @Test
    void withoutASecretDeliveriesAreUnsigned() throws Exception {
        try (WebhookReceiver open = WebhookReceiver.start()) {
            String agent = Http.send(
                            "POST",
                            flireo.baseUrl() + "/assistants",
                            flireo.apiKey(),
                            "{\"name\":\"Open\",\"webhook_url\":\"" + open.url() + "\"}")
                    .json()
                    .at("/assistant/id")
                    .asText();
            Http.send("POST", flireo.baseUrl() + "/numbers", flireo.apiKey(), "{\"phone_number\":\"+31850835037\"}");
            dial(agent);
            flireo.clock().advance(Duration.ofSeconds(4));
            open.awaitReceived(1);
            assertThat(open.received().get(0).headers()).doesNotContainKey("X-Webhook-Signature");
        }
    }

    private static JsonNode callDetail(String call) {
        return Http.send("GET", flireo.baseUrl() + "/calls/" + call, flireo.apiKey(), null)
                .json();
    }

    private record Receiver(String event, JsonNode body) {
        Receiver(ReceivedWebhook r) {
            this(r.event(), r.json());
        }
    }
}
