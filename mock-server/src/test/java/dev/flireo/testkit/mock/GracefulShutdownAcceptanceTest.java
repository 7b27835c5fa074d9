package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link FlireoMockServer#shutdown(Duration)}: no new connections, requests in flight finish, queued webhook
 * deliveries are made, and what the timeout cuts is reported.
 */
class GracefulShutdownAcceptanceTest {

    private static final Instant START = Instant.parse("2025-12-15T09:30:00Z");

    /** GET /assistants answered only after {@code delayMillis}, sent on a client of its own. */
    private static CompletableFuture<HttpResponse<String>> slowRequest(FlireoMockServer mock, long delayMillis) {
        Http.send(
                "POST",
                mock.adminUrl() + "/faults",
                null,
                "{\"operation_id\":\"listAssistants\",\"delay_ms\":" + delayMillis + ",\"times\":1}");
        return HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/assistants"))
                                .header("Authorization", "Bearer " + mock.apiKey())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<FlireoMockServer.Shutdown> shutdownSoon(FlireoMockServer mock, Duration timeout) {
        // The slow request is in flight once it has taken the one-time fault.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Http.send("GET", mock.adminUrl() + "/faults", null, null)
                        .json()
                        .isEmpty());
        return CompletableFuture.supplyAsync(() -> mock.shutdown(timeout));
    }

    @Test
    void aRequestInFlightFinishesWhileNewConnectionsAreRefused() throws Exception {
        FlireoMockServer mock = FlireoMockServer.options().demoData(true).start();
        URI health = URI.create(mock.adminUrl() + "/health");
        CompletableFuture<HttpResponse<String>> inFlight = slowRequest(mock, 1500);
        long start = System.nanoTime();
        CompletableFuture<FlireoMockServer.Shutdown> shutdown = shutdownSoon(mock, Duration.ofSeconds(10));

        Throwable refused = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> catchThrowable(() -> HttpClient.newHttpClient()
                                .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())),
                        Objects::nonNull);
        HttpResponse<String> finished = inFlight.get();
        FlireoMockServer.Shutdown report = shutdown.get();

        assertThat(refused).isInstanceOf(ConnectException.class);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).contains("Support Agent");
        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(1400), Duration.ofSeconds(8));
    }

    @Test
    void theTimeoutCutsARequestThatTakesLongerAndSaysSo() throws Exception {
        FlireoMockServer mock = FlireoMockServer.options().start();
        CompletableFuture<HttpResponse<String>> inFlight = slowRequest(mock, 20_000);
        long start = System.nanoTime();
        FlireoMockServer.Shutdown report =
                shutdownSoon(mock, Duration.ofMillis(500)).get();

        assertThat(report.unfinishedRequests()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(catchThrowable(inFlight::join)).isNotNull(); // cut, not answered
    }

    @Test
    void queuedWebhookDeliveriesAreMadeBeforeTheServerStops() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.replyToAll(Reply.ok().after(Duration.ofMillis(800)));
            FlireoMockServer mock =
                    FlireoMockServer.options().manualClock(START).start();
            String call = dialWithWebhooks(mock, receiver);
            mock.clock().advance(Duration.ofSeconds(40)); // rang, answered, ended: status-update x3, end-of-call-report

            FlireoMockServer.Shutdown report = mock.shutdown(Duration.ofSeconds(10));

            assertThat(report.complete()).as(report.toString()).isTrue();
            assertThat(receiver.events())
                    .containsExactly("status-update", "status-update", "status-update", "end-of-call-report");
            assertThat(mock.deliveries()).hasSize(4);
            assertThat(call).isNotBlank();
        }
    }

    @Test
    void deliveriesNotMadeInTimeAreNamed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.replyToAll(Reply.ok().after(Duration.ofSeconds(3)));
            FlireoMockServer mock =
                    FlireoMockServer.options().manualClock(START).start();
            String call = dialWithWebhooks(mock, receiver);
            mock.clock().advance(Duration.ofSeconds(40));

            FlireoMockServer.Shutdown report = mock.shutdown(Duration.ofMillis(500));

            assertThat(report.abandonedDeliveries())
                    .containsExactly(
                            "status-update of call " + call + " to " + receiver.url(),
                            "status-update of call " + call + " to " + receiver.url(),
                            "status-update of call " + call + " to " + receiver.url(),
                            "end-of-call-report of call " + call + " to " + receiver.url());
        }
    }

    private static String dialWithWebhooks(FlireoMockServer mock, WebhookReceiver receiver) {
        String agent = Http.send(
                        "POST",
                        mock.baseUrl() + "/assistants",
                        mock.apiKey(),
                        "{\"name\":\"Hooked\",\"webhook_url\":\"" + receiver.url()
                                + "\",\"webhook_events\":[\"status-update\"," + "\"end-of-call-report\"]}")
                .json()
                .at("/assistant/id")
                .asText();
        Http.send("POST", mock.baseUrl() + "/numbers", mock.apiKey(), "{\"phone_number\":\"+31850835037\"}");
        return Http.send(
                        "POST",
                        mock.baseUrl() + "/calls/outbound",
                        mock.apiKey(),
                        "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}")
                .json()
                .get("call_id")
                .asText();
    }
}
