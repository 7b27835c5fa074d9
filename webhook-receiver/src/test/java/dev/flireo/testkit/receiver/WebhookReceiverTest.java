package dev.flireo.testkit.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP, as a webhook sender meets it. */
class WebhookReceiverTest {

    private static final String SECRET = "whsec_receiver";
    private static final String STATUS_UPDATE = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\","
            + "\"call\":{\"id\":\"call_1\",\"status\":\"in-progress\"}}}";
    private static final String VOICEDOCK_TOOL_CALLS = "{\"message\":{\"type\":\"tool-calls\",\"phone_number\":"
            + "{\"id\":\"pn_1\"},\"tool_call_list\":[{\"id\":\"tool_1\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"lookup\",\"arguments\":{}}}]}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void recordsWhatArrivedAndAcknowledgesWithAnEmptyObject() throws Exception {
        HttpResponse<String> response = post(receiver.url() + "?tenant=7", "status-update", STATUS_UPDATE, SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        ReceivedWebhook delivery = receiver.awaitReceived(1).get(0);
        assertThat(delivery.path()).isEqualTo("/webhooks");
        assertThat(delivery.query()).isEqualTo("tenant=7");
        assertThat(delivery.event()).isEqualTo("status-update");
        assertThat(delivery.dialect()).contains(Dialect.FLIREO);
        assertThat(delivery.json().at("/message/call/id").asText()).isEqualTo("call_1");
        assertThat(delivery.headers().get("x-webhook-event")).isEqualTo("status-update");
        assertThat(delivery.text()).isEqualTo(STATUS_UPDATE);
        assertThat(delivery.receivedAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void checksTheSignatureForAGivenSecret() throws Exception {
        post(receiver.url(), "status-update", STATUS_UPDATE, SECRET);

        ReceivedWebhook delivery = receiver.awaitEvent("status-update");
        assertThat(delivery.signedWith(SECRET)).isTrue();
        assertThat(delivery.signature("another-secret").reason()).isEqualTo(SignatureCheck.Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void readsTheEventAndDialectFromTheBodyWhenTheHeaderIsMissing() throws Exception {
        post(receiver.url(), null, VOICEDOCK_TOOL_CALLS, null);

        ReceivedWebhook delivery = receiver.awaitReceived(1).get(0);
        assertThat(delivery.event()).isEqualTo("tool-calls");
        assertThat(delivery.dialect()).contains(Dialect.VOICEDOCK);
    }

    @Test
    void repliesPerEventTypeWithStatusBodyAndDelay() throws Exception {
        receiver.reply(
                "tool-calls",
                delivery -> Reply.json("{\"results\":[{\"tool_call_id\":\""
                        + delivery.json().at("/message/tool_call_list/0/id").asText() + "\",\"result\":\"ok\"}]}"));
        receiver.reply(
                "status-update", Reply.status(503, "{\"error\":\"busy\"}").after(Duration.ofMillis(300)));

        HttpResponse<String> tool = post(receiver.url(), "tool-calls", VOICEDOCK_TOOL_CALLS, null);
        long start = System.nanoTime();
        HttpResponse<String> status = post(receiver.url(), "status-update", STATUS_UPDATE, null);

        assertThat(tool.body()).isEqualTo("{\"results\":[{\"tool_call_id\":\"tool_1\",\"result\":\"ok\"}]}");
        assertThat(status.statusCode()).isEqualTo(503);
        assertThat(status.body()).isEqualTo("{\"error\":\"busy\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aReplyToAllReplacesTheRepliesPerEventAndAnswersWithoutABodyWhenItHasNone() throws Exception {
        receiver.reply("status-update", Reply.json("{\"per\":\"event\"}"));
        receiver.replyToAll(Reply.status(204));

        HttpResponse<String> response = post(receiver.url(), "status-update", STATUS_UPDATE, null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aReplyFunctionThatThrowsIsAnswered400NamingTheProblem() throws Exception {
        receiver.replyToAll(delivery -> Reply.json(delivery.json().toString()));

        HttpResponse<String> response = post(receiver.url(), "status-update", "not json", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("the delivery's body is not JSON: not json");
    }

    @Test
    void aRequiredSignatureTurnsAwayForgeriesWith401() throws Exception {
        receiver.requireSignature(SECRET);

        HttpResponse<String> forged = post(receiver.url(), "status-update", STATUS_UPDATE, "guessed");
        HttpResponse<String> unsigned = post(receiver.url(), "status-update", STATUS_UPDATE, null);
        HttpResponse<String> genuine = post(receiver.url(), "status-update", STATUS_UPDATE, SECRET);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("SIGNATURE_MISMATCH");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("MISSING_SIGNATURE");
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void refusingReplaysAnswersASecondDeliveryWithTheSameSignature409() throws Exception {
        receiver.refuseReplays();
        HttpRequest request = request(receiver.url(), "status-update", STATUS_UPDATE, SECRET);

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> replay = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).isEqualTo("{\"error\":\"replayed delivery\"}");
    }

    @Test
    void waitsForDeliveriesThatArriveLater() {
        CompletableFuture<?> later = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 3; i++) {
                postUnchecked(i == 2 ? "end-of-call-report" : "status-update");
            }
        });

        ReceivedWebhook report = receiver.awaitEvent("end-of-call-report");
        List<ReceivedWebhook> all = receiver.awaitReceived(3, Duration.ofSeconds(5));

        later.join();
        assertThat(report.event()).isEqualTo("end-of-call-report");
        assertThat(all)
                .extracting(ReceivedWebhook::event)
                .containsExactly("status-update", "status-update", "end-of-call-report");
        assertThat(receiver.events())
                .isEqualTo(all.stream().map(ReceivedWebhook::event).toList());
    }

    @Test
    void aWaitThatTimesOutFailsNamingWhatDidArrive() throws Exception {
        post(receiver.url(), "status-update", STATUS_UPDATE, null);

        assertThatThrownBy(() -> receiver.awaitReceived(2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 2 deliveries within PT0.2S; received 1")
                .hasMessageContaining("status-update to /webhooks");
        assertThatThrownBy(() -> receiver.awaitMatching(d -> "tool-calls".equals(d.event()), Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a matching delivery");
    }

    @Test
    void clearForgetsWhatArrived() throws Exception {
        post(receiver.url(), "status-update", STATUS_UPDATE, null);
        receiver.awaitReceived(1);

        receiver.clear();

        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aReplyRefusesAnImpossibleStatusOrANegativeDelay() {
        assertThatThrownBy(() -> Reply.status(42)).hasMessage("status must be 100-599, was 42");
        assertThatThrownBy(() -> Reply.ok().after(Duration.ofMillis(-1))).hasMessageContaining("must not be negative");
    }

    private void postUnchecked(String event) {
        try {
            post(receiver.url(), event, STATUS_UPDATE, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String url, String event, String body, String secret) throws Exception {
        return http.send(request(url, event, body, secret), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String url, String event, String body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (event != null) {
            request.header(WebhookSignature.EVENT_HEADER, event);
        }
        if (secret != null) {
            long timestamp = Instant.now().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        }
        return request.build();
    }
}
