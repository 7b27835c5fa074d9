package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8 item 5: a distinctive webhook secret and API key, used by a replay and by the mock's live call, appear
 * nowhere in what the toolkit writes: console lines (the commands' own and whatever else reaches the process's
 * standard streams), report files, the admin API's state and delivery log, WireMock's request journal. The receiver
 * here even echoes the secret in a reply, and the target URL carries the key as a query parameter.
 */
class SecretsRedactionTest {

    private static final String SECRET = "whsec_REDACTION_CANARY_123";
    private static final String KEY = "fl_CANARY_KEY_456";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ByteArrayOutputStream processOutput = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private WebhookReceiver receiver;

    @BeforeEach
    void captureTheProcessStreamsAndStartALeakyReceiver() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        PrintStream capture = new PrintStream(processOutput, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        // A careless receiver: its assistant-request answer is an error text that names its secret.
        receiver =
                WebhookReceiver.start().reply("assistant-request", Reply.json("cannot load config, secret " + SECRET));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        receiver.close();
    }

    @Test
    void aReplayAndALiveMockCallWriteTheSecretAndTheApiKeyNowhere(@TempDir Path dir) throws Exception {
        String hook = receiver.url("/webhooks?token=" + KEY);

        CliRun replay = new CliRun();
        int code = replay.run(
                "replay",
                "inbound-happy-path",
                "--target",
                hook,
                "--secret",
                SECRET,
                "--probe-security",
                "--junit",
                dir.resolve("replay.xml").toString(),
                "--report",
                dir.resolve("report").toString());
        String files = Files.readString(dir.resolve("replay.xml")) + Files.readString(dir.resolve("report/index.html"));

        CliRun mock = new CliRun();
        Thread server =
                mock.runInBackground("Press Ctrl-C", "mock", "--port", "0", "--api-key", KEY, "--time-scale", "100");
        String admin;
        String state;
        try {
            String api = printedUrl(mock.out(), "API");
            admin = printedUrl(mock.out(), "admin");
            String agent = json(
                    send(
                            "POST",
                            api + "/assistants",
                            KEY,
                            "{\"name\":\"Canary\",\"webhook_url\":\"" + hook + "\",\"webhook_secret\":\"" + SECRET
                                    + "\"}"),
                    "id");
            send(
                    "POST",
                    api + "/numbers",
                    KEY,
                    "{\"phone_number\":\"+31201112233\",\"name\":\"Canary line\"," + "\"agent_id\":\"" + agent + "\"}");
            send(
                    "POST",
                    admin + "/calls/inbound",
                    null,
                    "{\"phone_number\":\"+31201112233\","
                            + "\"customer_number\":\"+31612345678\",\"duration_seconds\":5}");
            mock.awaitOutput("webhook: end-of-call-report");
            // WireMock prints its near-miss diff of an unmatched request to the console.
            send("GET", admin.replace("/__flireo", "/no-such-path"), KEY, null);
            state = send("GET", admin + "/state", null, null)
                    + send("GET", admin + "/deliveries", null, null)
                    + send("GET", admin.replace("/__flireo", "/__admin/requests"), null, null);
            assertThat(send("GET", admin + "/state?secrets=include", null, null))
                    .contains(SECRET);
        } finally {
            server.interrupt();
            server.join(10_000);
        }

        assertThat(code).as(replay.err()).isEqualTo(1);
        assertThat(receiver.received().stream()
                        .filter(delivery -> delivery.signedWith(SECRET))
                        .count())
                .as("signed deliveries the receiver verified")
                .isGreaterThan(4);
        assertThat(replay.out()).contains("cannot load config, secret ***", "token=***");
        assertThat(mock.out()).contains("webhook: assistant-request -> ", "token=***", "secret ***");
        assertThat(processOutput.toString(StandardCharsets.UTF_8)).contains("Request was not matched");
        assertThat(String.join(
                        "\n",
                        replay.out(),
                        replay.err(),
                        files,
                        mock.out(),
                        mock.err(),
                        state,
                        processOutput.toString(StandardCharsets.UTF_8)))
                .doesNotContain(SECRET, KEY);
    }

    private static String send(String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(
                        request.header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static String printedUrl(String output, String label) {
        Matcher m = Pattern.compile(label + ":\\s+(http://\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }
}
