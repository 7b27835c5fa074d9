package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flireo mock} in a child JVM, stopped with a real SIGTERM. */
class MockShutdownProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer k")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String admin(String api) {
        return api.replace("/api/v1", "/__flireo");
    }

    @Test
    void sigtermLetsARequestInFlightFinishSavesTheStateAndTheNextStartRestoresIt(@TempDir Path dir) throws Exception {
        Path stateFile = dir.resolve("state/flireo.json");
        try (FlireoProcess mock = FlireoProcess.start("mock", "--port", "0", "--state-file", stateFile.toString())) {
            String api = mock.awaitApiUrl();
            assertThat(mock.out()).contains("state:  " + stateFile.toAbsolutePath() + " (new)");
            assertThat(send("POST", api + "/assistants", "{\"name\":\"Before SIGTERM\"}")
                            .statusCode())
                    .isEqualTo(201);
            send("POST", admin(api) + "/faults", "{\"operation_id\":\"listAssistants\",\"delay_ms\":1500,\"times\":1}");
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create(api + "/assistants"))
                                    .header("Authorization", "Bearer k")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            // The slow request is in flight once it has taken the one-time fault.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> JSON.readTree(
                                    send("GET", admin(api) + "/faults", null).body())
                            .isEmpty());
            long signalled = System.nanoTime();

            int exit = mock.terminate(Duration.ofSeconds(15));

            HttpResponse<String> finished = inFlight.get(5, TimeUnit.SECONDS);
            assertThat(finished.statusCode()).isEqualTo(200);
            assertThat(finished.body()).contains("Before SIGTERM");
            assertThat(exit).isEqualTo(143);
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(8));
            assertThat(mock.out())
                    .contains(
                            "Flireo mock stopping: no new connections; waiting up to 5 s",
                            "State saved to " + stateFile.toAbsolutePath() + ".",
                            "Flireo mock stopped.")
                    .doesNotContain("abandoned", "cut ");
        }
        JsonNode saved = JSON.readTree(stateFile.toFile());
        assertThat(saved.get("assistants").findValuesAsText("name")).containsExactly("Support Agent", "Before SIGTERM");

        try (FlireoProcess again = FlireoProcess.start("mock", "--port", "0", "--state-file", stateFile.toString())) {
            String api = again.awaitApiUrl();
            assertThat(again.out()).contains("(restored)");
            assertThat(JSON.readTree(send("GET", admin(api) + "/state", null).body()))
                    .isEqualTo(saved);
            assertThat(again.terminate(Duration.ofSeconds(15))).isEqualTo(143);
        }
    }

    @Test
    void webhookDeliveriesStillUnansweredAtTheTimeoutAreNamedAndTheExitIsBounded() throws Exception {
        // Never answers while the mock shuts down; closing the receiver ends the wait.
        WebhookReceiver receiver =
                WebhookReceiver.start().replyToAll(Reply.status(204).after(Duration.ofSeconds(20)));
        String hook = receiver.url("/hook");
        try (FlireoProcess mock =
                FlireoProcess.start("mock", "--port", "0", "--time-scale", "100", "--shutdown-timeout", "1")) {
            String api = mock.awaitApiUrl();
            String agent = JSON.readTree(
                            send("POST", api + "/assistants", "{\"name\":\"Hooked\",\"webhook_url\":\"" + hook + "\"}")
                                    .body())
                    .at("/assistant/id")
                    .asText();
            String call = JSON.readTree(send(
                                    "POST",
                                    api + "/calls/outbound",
                                    "{\"destination\":\"+31612345678\"," + "\"agent_id\":\"" + agent + "\"}")
                            .body())
                    .get("call_id")
                    .asText();
            receiver.awaitReceived(1);
            // 30 s of talk at time scale 100: once the call has ended, its later deliveries queue behind the first.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> JSON.readTree(
                                    send("GET", api + "/calls/" + call, null).body())
                            .path("status")
                            .asText()
                            .equals("ended"));
            long signalled = System.nanoTime();

            assertThat(mock.terminate(Duration.ofSeconds(15))).isEqualTo(143);

            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(5));
            assertThat(mock.out())
                    .contains(
                            "waiting up to 1 s",
                            "abandoned webhook: status-update of call " + call + " to " + hook
                                    + " (not delivered in time)",
                            "abandoned webhook: end-of-call-report of call " + call + " to " + hook,
                            "Flireo mock stopped.");
        } finally {
            receiver.close();
        }
    }
}
