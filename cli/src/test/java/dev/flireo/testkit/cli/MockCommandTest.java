package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockCommandTest {

    private final CliRun cli = new CliRun();

    @Test
    void startsWithDemoDataPrintsTheUrlsAndACurlLineAndStopsOnInterrupt() throws Exception {
        Thread mock = cli.runInBackground("Press Ctrl-C", "mock", "--port", "0", "--api-key", "fl_cli_key");
        String api = cli.printedUrl("API");
        assertThat(cli.printedUrl("admin")).endsWith("/__flireo");
        assertThat(cli.out())
                .contains("curl -H \"Authorization: Bearer <your --api-key>\" " + api + "/assistants")
                .contains(
                        "  webhooks of live calls: voicedock dialect (snake_case, as the HMS/VoiceDock SDK types them")
                .containsPattern("started in \\d+ ms");

        HttpResponse<String> assistants = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api + "/assistants"))
                                .header("Authorization", "Bearer fl_cli_key")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(assistants.statusCode()).isEqualTo(200);
        assertThat(assistants.body()).contains("Support Agent");
        HttpResponse<String> calls = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api + "/calls"))
                                .header("Authorization", "Bearer other")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(calls.statusCode()).isEqualTo(401);

        mock.interrupt();
        mock.join(10_000);
        assertThat(cli.backgroundExit()).isZero();
        assertThat(cli.out()).contains("Flireo mock stopped.");
    }

    @Test
    void aSeedFileReplacesTheDemoData(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(
                dir.resolve("seed.json"),
                "{\"assistants\":[{\"id\":\"5c4d030f-43e3-4e65-899e-8148521e660f\","
                        + "\"name\":\"From seed\",\"is_active\":true,\"created_at\":\"2025-12-13T10:00:00.000Z\","
                        + "\"updated_at\":\"2025-12-13T10:00:00.000Z\"}]}");
        Thread mock = cli.runInBackground(
                "Press Ctrl-C", "mock", "--port", "0", "--seed", seed.toString(), "--time-scale", "10");
        HttpResponse<String> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cli.printedUrl("API") + "/assistants"))
                                .header("Authorization", "Bearer any")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(reply.body()).contains("From seed").doesNotContain("Support Agent");
        mock.interrupt();
        mock.join(10_000);
        assertThat(cli.backgroundExit()).isZero();
    }

    @Test
    void printsEachWebhookDeliveryOfALiveCall() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start().replyToAll(Reply.status(204));
        Thread mock = cli.runInBackground("Press Ctrl-C", "mock", "--port", "0", "--time-scale", "100");
        try {
            String api = cli.printedUrl("API");
            HttpClient http = HttpClient.newHttpClient();
            String hook = receiver.url("/hook");
            String agent = http.send(
                            HttpRequest.newBuilder(URI.create(api + "/assistants"))
                                    .header("Authorization", "Bearer k")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"name\":\"Hook\",\"webhook_url\":\"" + hook + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
            http.send(
                    HttpRequest.newBuilder(URI.create(api + "/calls/outbound"))
                            .header("Authorization", "Bearer k")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            receiver.awaitEvent("end-of-call-report");
            await().atMost(Duration.ofSeconds(5)).until(() -> cli.out().contains("webhook: end-of-call-report"));
            assertThat(cli.out())
                    .contains("webhook: status-update -> " + hook + ": HTTP 204")
                    .contains("webhook: end-of-call-report -> " + hook)
                    .contains("passed");
        } finally {
            mock.interrupt();
            mock.join(10_000);
            receiver.close();
        }
        assertThat(cli.backgroundExit()).isZero();
    }

    @Test
    void badInputIsAUsageError(@TempDir Path dir) {
        assertThat(cli.run("mock", "--seed", dir.resolve("missing.json").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--seed file is not readable", "missing.json");
        assertThat(cli.run("mock", "--time-scale", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--time-scale must be a positive number");
        assertThat(cli.run("mock", "--record-to", "x.json")).isEqualTo(2);
        assertThat(cli.run("mock", "--port", "abc")).isEqualTo(2);
        assertThat(cli.run("mock", "--shutdown-timeout", "-1")).isEqualTo(2);
        assertThat(cli.err()).contains("--shutdown-timeout must be 0..3600 seconds, got -1.0");
        assertThat(cli.run("mock", "--body-timeout", "0")).isEqualTo(2);
        assertThat(cli.err())
                .contains("--header-timeout and --body-timeout must be 0.001..3600 seconds, got 10.0 and 0.0");
        assertThat(cli.run("mock", "--webhook-dialect", "legacy")).isEqualTo(2);
        assertThat(cli.err()).contains("--webhook-dialect must be voicedock or flireo, got 'legacy'");
    }

    @Test
    void theBannerAndTheHealthCheckSayWhichWebhookDialectTheLiveCallsSpeak() throws Exception {
        Thread mock = cli.runInBackground("Press Ctrl-C", "mock", "--port", "0", "--webhook-dialect", "flireo");
        assertThat(cli.out())
                .contains("  webhooks of live calls: flireo dialect (camelCase, as the Flireo pages "
                        + "show them; --webhook-dialect to change)");
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cli.printedUrl("admin") + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"webhook_dialect\":\"flireo\"");
        mock.interrupt();
        mock.join(10_000);
        assertThat(cli.backgroundExit()).isZero();
    }

    @Test
    void aStateFileThatIsNotAMockStateIsExitTwoAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("flireo.json"), "{\"assistants\": [");

        assertThat(cli.run("mock", "--port", "0", "--state-file", file.toString()))
                .isEqualTo(2);

        assertThat(cli.err())
                .contains(
                        "flireo mock: state file " + file.toAbsolutePath() + " is not valid JSON:",
                        "line 1, column",
                        "(fix or remove the file; it was left as it is)");
        assertThat(Files.readString(file)).isEqualTo("{\"assistants\": [");
        assertThat(cli.out()).doesNotContain("Flireo mock is running");
    }

    @Test
    void helpNamesTheEnvironmentVariables() {
        assertThat(cli.run("mock", "--help")).isZero();
        assertThat(cli.out())
                .contains(
                        "FLIREO_PORT",
                        "FLIREO_API_KEYS",
                        "FLIREO_TIME_SCALE",
                        "FLIREO_SEED",
                        "--proxy-to",
                        "--state-file",
                        "FLIREO_STATE_FILE",
                        "--shutdown-timeout",
                        "FLIREO_SHUTDOWN_TIMEOUT",
                        "SIGTERM",
                        "FLIREO_MAX_BODY_SIZE",
                        "--header-timeout",
                        "FLIREO_HEADER_TIMEOUT",
                        "--body-timeout",
                        "FLIREO_BODY_TIMEOUT");
    }

    @Test
    void maxBodySizeTakesBytesOrBinaryUnits() {
        assertThat(MockCommand.bytes("1048576")).isEqualTo(1 << 20);
        assertThat(MockCommand.bytes("512KiB")).isEqualTo(512 << 10);
        assertThat(MockCommand.bytes("2M")).isEqualTo(2 << 20);
        assertThat(MockCommand.bytes("2 MB")).isEqualTo(2 << 20);
        assertThat(MockCommand.bytes("1.5MiB")).isEqualTo(-1);
        assertThat(MockCommand.bytes("4096MiB")).isEqualTo(-1);
        assertThat(cli.run("mock", "--max-body-size", "lots")).isEqualTo(2);
        assertThat(cli.err()).contains("--max-body-size must be a size such as 1048576, 512KiB or 2MiB");
    }

    @Test
    void aBodyOverMaxBodySizeIs413() throws Exception {
        Thread mock = cli.runInBackground("Press Ctrl-C", "mock", "--port", "0", "--max-body-size", "1KiB");
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(cli.printedUrl("API") + "/assistants"))
                                    .header("Authorization", "Bearer k")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"name\":\"" + "x".repeat(2000) + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(413);
            assertThat(reply.body()).contains("larger than the limit of 1024 bytes");
        } finally {
            mock.interrupt();
            mock.join(10_000);
        }
    }
}
