package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import dev.flireo.testkit.simulator.Delivery;
import dev.flireo.testkit.simulator.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * By default the live calls speak the dialect of the REST API the mock serves: HMS/VoiceDock snake_case, as that
 * SDK types its webhooks. Their words and times are the REST answers' own: the same {@code end_reason}, and the
 * report dated when the call ended on the mock's clock.
 */
class WebhookDialectAcceptanceTest {

    private static final String SECRET = "whsec_test_secret_12345";
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().manualClock(NOON))
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

    @Test
    void theDefaultIsVoiceDockSnakeCaseAndTheHealthCheckSaysSo() {
        assertThat(flireo.server().webhookDialect()).isEqualTo(Dialect.VOICEDOCK);
        JsonNode health =
                Http.send("GET", flireo.adminUrl() + "/health", null, null).json();
        assertThat(health.get("webhook_dialect").asText()).isEqualTo("voicedock");
    }

    @Test
    void anOutboundCallSendsSnakeCaseEventsWithTheRestCallsEndReasonAndTimes() throws Exception {
        String call = dial(assistant(""));
        flireo.clock().advance(Duration.ofSeconds(4));
        flireo.clock().advance(Duration.ofSeconds(30));
        receiver.awaitReceived(4);
        flireo.awaitDeliveries(4, Duration.ofSeconds(10));

        List<ReceivedWebhook> received = receiver.received();
        assertThat(received)
                .extracting(ReceivedWebhook::event)
                .containsExactly("status-update", "status-update", "status-update", "end-of-call-report");
        assertThat(received).allSatisfy(r -> {
            assertThat(r.signature(SECRET).valid())
                    .as(r.signature(SECRET).message())
                    .isTrue();
            assertThat(Contracts.of(Dialect.VOICEDOCK).validateEvent(r.json()).errors())
                    .isEmpty();
            assertThat(r.json().at("/message/phone_number/number").asText()).isEqualTo("+31850835037");
            assertThat(r.json().at("/message/call/type").asText()).isEqualTo("outbound_phone_call");
            assertThat(r.json().at("/message/phoneNumber").isMissingNode()).isTrue();
        });
        JsonNode detail = Http.send("GET", flireo.baseUrl() + "/calls/" + call, flireo.apiKey(), null)
                .json();
        JsonNode report = received.get(3).json().get("message");
        assertThat(detail.get("end_reason").asText()).isEqualTo(EndReason.USER_HANGUP.wireName());
        assertThat(report.get("end_reason").asText())
                .isEqualTo(detail.get("end_reason").asText());
        assertThat(received.get(2).json().at("/message/end_reason").asText())
                .isEqualTo(detail.get("end_reason").asText());
        assertThat(report.get("duration_seconds").asLong())
                .isEqualTo(detail.get("duration_seconds").asLong());
        assertThat(Instant.parse(report.get("timestamp").asText()))
                .isEqualTo(Instant.parse(detail.get("ended_at").asText()));
        assertThat(Instant.parse(report.get("ended_at").asText()))
                .isEqualTo(Instant.parse(detail.get("ended_at").asText()));
        assertThat(Instant.parse(report.get("started_at").asText()))
                .isEqualTo(Instant.parse(detail.get("started_at").asText()));
    }

    @Test
    void toolResultsKeyedBySnakeCaseIdsPass() throws Exception {
        receiver.reply(
                "tool-calls",
                tools -> Reply.json("{\"results\":[{\"tool_call_id\":\""
                        + tools.json().at("/message/tool_call_list/0/id").asText()
                        + "\",\"result\":{\"name\":\"Jan\"}}]}"));
        dial(assistant(",\"llm_config\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"tools\":[{"
                + "\"name\":\"lookup_contact\",\"description\":\"Find a contact\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"query\":{\"type\":\"string\"}}}}]}"));
        flireo.clock().advance(Duration.ofSeconds(4));
        flireo.clock().advance(Duration.ofSeconds(2));

        Delivery tools = flireo.awaitDeliveries(3, Duration.ofSeconds(10)).get(2);
        assertThat(tools.event().wireName()).isEqualTo("tool-calls");
        assertThat(tools.request().bodyText()).contains("\"tool_call_list\":[");
        assertThat(tools.passed()).as(tools.verdict().reason()).isTrue();
    }

    @Test
    void legacyIsRefusedWithAReason() {
        assertThatThrownBy(() -> FlireoMockServer.options().webhookDialect(Dialect.LEGACY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flireo or voicedock");
    }

    private String assistant(String extra) {
        Http.Reply reply = Http.send(
                "POST",
                flireo.baseUrl() + "/assistants",
                flireo.apiKey(),
                "{\"name\":\"Support\"," + "\"webhook_url\":\"" + receiver.url() + "\",\"webhook_secret\":\"" + SECRET
                        + "\"" + extra + "}");
        String id = reply.json().at("/assistant/id").asText();
        Http.send(
                "POST",
                flireo.baseUrl() + "/numbers",
                flireo.apiKey(),
                "{\"phone_number\":\"+31850835037\",\"name\":\"Demo\",\"agent_id\":\"" + id + "\"}");
        return id;
    }

    private String dial(String agent) {
        return Http.send(
                        "POST",
                        flireo.baseUrl() + "/calls/outbound",
                        flireo.apiKey(),
                        "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}")
                .json()
                .get("call_id")
                .asText();
    }
}
