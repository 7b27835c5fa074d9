package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MockCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FlireoCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Starts the command in the background, waits for its banner, and returns the thread (interrupt = Ctrl-C). */
    private Thread startInBackground(AtomicInteger exit, String... args) throws InterruptedException {
        Thread thread = new Thread(() -> exit.set(run(args)));
        thread.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString().contains("Press Ctrl-C") && System.nanoTime() < deadline && thread.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).as(err.toString()).contains("Press Ctrl-C");
        return thread;
    }

    private String url(String label) {
        Matcher m = Pattern.compile(label + ":\\s+(http://\\S+)").matcher(out.toString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void startsWithDemoDataPrintsTheUrlsAndACurlLineAndStopsOnInterrupt() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread mock = startInBackground(exit, "mock", "--port", "0", "--api-key", "fl_cli_key");
        String api = url("API");
        assertThat(url("admin")).endsWith("/__flireo");
        assertThat(out.toString()).contains("curl -H \"Authorization: Bearer <your --api-key>\" " + api + "/assistants")
                .contains("  webhooks of live calls: voicedock dialect (snake_case, as the HMS/VoiceDock SDK types them")
                .containsPattern("started in \\d+ ms");

        HttpResponse<String> assistants = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/assistants"))
                .header("Authorization", "Bearer fl_cli_key").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(assistants.statusCode()).isEqualTo(200);
        assertThat(assistants.body()).contains("Support Agent");
        HttpResponse<String> calls = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/calls"))
                .header("Authorization", "Bearer other").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(calls.statusCode()).isEqualTo(401);

        mock.interrupt();
        mock.join(10_000);
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("Flireo mock stopped.");
    }

    @Test
    void aSeedFileReplacesTheDemoData(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\"assistants\":[{\"id\":\"5c4d030f-43e3-4e65-899e-8148521e660f\","
                + "\"name\":\"From seed\",\"is_active\":true,\"created_at\":\"2025-12-13T10:00:00.000Z\","
                + "\"updated_at\":\"2025-12-13T10:00:00.000Z\"}]}");
        AtomicInteger exit = new AtomicInteger(-1);
        Thread mock = startInBackground(exit, "mock", "--port", "0", "--seed", seed.toString(), "--time-scale", "10");
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("API") + "/assistants"))
                .header("Authorization", "Bearer any").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.body()).contains("From seed").doesNotContain("Support Agent");
        mock.interrupt();
        mock.join(10_000);
        assertThat(exit.get()).isZero();
    }

    @Test
    void printsEachWebhookDeliveryOfALiveCall() throws Exception {
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread mock = startInBackground(exit, "mock", "--port", "0", "--time-scale", "100");
        try {
            String api = url("API");
            HttpClient http = HttpClient.newHttpClient();
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String agent = http.send(HttpRequest.newBuilder(URI.create(api + "/assistants")).header("Authorization", "Bearer k")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Hook\",\"webhook_url\":\"" + hook + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
            http.send(HttpRequest.newBuilder(URI.create(api + "/calls/outbound")).header("Authorization", "Bearer k")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (!out.toString().contains("webhook: end-of-call-report") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(out.toString()).contains("webhook: status-update -> " + hook + ": HTTP 204")
                    .contains("webhook: end-of-call-report -> " + hook).contains("passed");
        } finally {
            mock.interrupt();
            mock.join(10_000);
            receiver.stop(0);
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void badInputIsAUsageError(@TempDir Path dir) {
        assertThat(run("mock", "--seed", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--seed file is not readable", "missing.json");
        assertThat(run("mock", "--time-scale", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--time-scale must be a positive number");
        assertThat(run("mock", "--record-to", "x.json")).isEqualTo(2);
        assertThat(run("mock", "--port", "abc")).isEqualTo(2);
        assertThat(run("mock", "--shutdown-timeout", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--shutdown-timeout must be 0..3600 seconds, got -1.0");
        assertThat(run("mock", "--webhook-dialect", "legacy")).isEqualTo(2);
        assertThat(err.toString()).contains("--webhook-dialect must be voicedock or flireo, got 'legacy'");
    }

    @Test
    void theBannerAndTheHealthCheckSayWhichWebhookDialectTheLiveCallsSpeak() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread mock = startInBackground(exit, "mock", "--port", "0", "--webhook-dialect", "flireo");
        assertThat(out.toString()).contains("  webhooks of live calls: flireo dialect (camelCase, as the Flireo pages "
                + "show them; --webhook-dialect to change)");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("admin") + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"webhook_dialect\":\"flireo\"");
        mock.interrupt();
        mock.join(10_000);
        assertThat(exit.get()).isZero();
    }

    @Test
    void aStateFileThatIsNotAMockStateIsExitTwoAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("flireo.json"), "{\"assistants\": [");

        assertThat(run("mock", "--port", "0", "--state-file", file.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("flireo mock: state file " + file.toAbsolutePath() + " is not valid JSON:",
                "line 1, column", "(fix or remove the file; it was left as it is)");
        assertThat(Files.readString(file)).isEqualTo("{\"assistants\": [");
        assertThat(out.toString()).doesNotContain("Flireo mock is running");
    }

    @Test
    void helpNamesTheEnvironmentVariables() {
        assertThat(run("mock", "--help")).isZero();
        assertThat(out.toString()).contains("FLIREO_PORT", "FLIREO_API_KEYS", "FLIREO_TIME_SCALE", "FLIREO_SEED", "--proxy-to",
                "--state-file", "FLIREO_STATE_FILE", "--shutdown-timeout", "FLIREO_SHUTDOWN_TIMEOUT", "SIGTERM",
                "FLIREO_MAX_BODY_SIZE");
    }

    @Test
    void maxBodySizeTakesBytesOrBinaryUnits() {
        assertThat(MockCommand.bytes("1048576")).isEqualTo(1 << 20);
        assertThat(MockCommand.bytes("512KiB")).isEqualTo(512 << 10);
        assertThat(MockCommand.bytes("2M")).isEqualTo(2 << 20);
        assertThat(MockCommand.bytes("2 MB")).isEqualTo(2 << 20);
        assertThat(MockCommand.bytes("1.5MiB")).isEqualTo(-1);
        assertThat(MockCommand.bytes("4096MiB")).isEqualTo(-1);
        assertThat(run("mock", "--max-body-size", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-body-size must be a size such as 1048576, 512KiB or 2MiB");
    }

    @Test
    void aBodyOverMaxBodySizeIs413() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread mock = startInBackground(exit, "mock", "--port", "0", "--max-body-size", "1KiB");
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("API") + "/assistants"))
                    .header("Authorization", "Bearer k").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(2000) + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(413);
            assertThat(reply.body()).contains("larger than the limit of 1024 bytes");
        } finally {
            mock.interrupt();
            mock.join(10_000);
        }
    }
}
