package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    static final String STATUS_UPDATE =
            "{\"message\":{\"type\":\"status-update\",\"timestamp\":\"2025-12-13T12:00:00.000Z\","
                    + "\"call\":{\"id\":\"5c4d030f-43e3-4e65-899e-8148521e660f\",\"type\":\"inboundPhoneCall\",\"status\":\"in-progress\"},"
                    + "\"phoneNumber\":{\"number\":\"+31850835037\",\"name\":\"Flireo Demo\"},\"customer\":{\"number\":\"+31612345678\"}}}";
    static final String LEGACY_TOOL_CALLS =
            "{\"eventTime\":1756278882619,\"callId\":\"875573b5-4458-45be-bac2-4d2b869f8297\","
                    + "\"eventType\":\"tool-calls\",\"fromCaller\":\"+31601234567\",\"toAssistant\":\"+31850123456\","
                    + "\"tasksInitiated\":[{\"taskId\":\"call_kLsrB3eFvT6bvo67BqTv7iXc\",\"taskName\":\"send_task\"}],\"userMetadata\":null}";
    static final String VOICEDOCK_STATUS_UPDATE =
            STATUS_UPDATE.replace("phoneNumber", "phone_number").replace("inboundPhoneCall", "inbound_phone_call");

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void aValidFileGivesOneVerdictAndASummaryAndExitsZero() throws IOException {
        Path file = write("status-update.json", STATUS_UPDATE);

        assertThat(cli.run("validate", file.toString())).isZero();
        assertThat(cli.out()).isEqualTo("VALID    " + file + "  flireo status-update\n1 item: 1 valid, 0 invalid\n");
    }

    @Test
    void anInvalidPayloadPrintsEachViolationAndExitsOne() throws IOException {
        Path file = write(
                "ended.json", STATUS_UPDATE.replace("in-progress", "finished").replace("+31612345678", "0612"));

        assertThat(cli.run("validate", file.toString())).isEqualTo(1);
        assertThat(cli.out())
                .contains(
                        "INVALID  " + file + "  flireo status-update",
                        "error    /message/call/status: `status` must be one of",
                        "error    /message/customer/number: `number` must be an E.164 phone number such as +31612345678, got \"0612\"",
                        "1 item: 0 valid, 1 invalid");
    }

    @Test
    void aFolderIsWalkedAndEveryDialectDetected() throws IOException {
        write("a/flireo.json", STATUS_UPDATE);
        write("a/b/voicedock.json", VOICEDOCK_STATUS_UPDATE);
        write("a/b/legacy.json", LEGACY_TOOL_CALLS);
        write("a/notes.txt", "not json, and not looked at");

        assertThat(cli.run("validate", dir.resolve("a").toString())).isZero();
        assertThat(cli.out())
                .contains(
                        "voicedock status-update",
                        "legacy tool-calls",
                        "flireo status-update",
                        "3 items: 3 valid, 0 invalid");
    }

    @Test
    void ndjsonGivesOneVerdictPerLineLabelledByLine() throws IOException {
        Path file = write("events.ndjson", STATUS_UPDATE + "\n" + LEGACY_TOOL_CALLS + "\n\n" + "{\"result\":\"ok\"}\n");

        assertThat(cli.run("validate", file.toString())).isEqualTo(1);
        assertThat(cli.out())
                .contains(
                        "VALID    " + file + ":1  flireo status-update",
                        "VALID    " + file + ":2  legacy tool-calls",
                        "INVALID  " + file + ":4",
                        "not a webhook payload",
                        "3 items: 2 valid, 1 invalid");
    }

    @Test
    void standardInputIsReadForADash() {
        assertThat(cli.runWithStdin(LEGACY_TOOL_CALLS, "validate", "-")).isZero();
        assertThat(cli.out()).startsWith("VALID    <stdin>  legacy tool-calls");
    }

    @Test
    void unreadableJsonExitsTwoNamingFileAndLine() throws IOException {
        Path file = write("broken.ndjson", STATUS_UPDATE + "\n{\"message\": {\"type\": \n");
        Path good = write("good.json", STATUS_UPDATE);

        assertThat(cli.run("validate", file.toString(), good.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("flireo validate: " + file + ":3:1: not valid JSON");
        assertThat(cli.out()).contains("VALID    " + good, "1 unreadable input");
    }

    @Test
    void aMissingPathExitsTwo() {
        assertThat(cli.run("validate", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("nope.json: no such file or folder");
    }

    @Test
    void dialectForcesTheContract() throws IOException {
        Path file = write("voicedock.json", VOICEDOCK_STATUS_UPDATE);

        assertThat(cli.run("validate", "--dialect", "flireo", file.toString())).isEqualTo(1);
        assertThat(cli.out())
                .contains(
                        "required field `phoneNumber` is missing in `message`; found `phone_number`",
                        "this looks like a voicedock payload, checked against the flireo contract");
    }

    @Test
    void repliesAreCheckedWithReplyAndTheBestFittingDialect() throws IOException {
        Path replies = write(
                "replies.json",
                "[{\"results\":[{\"tool_call_id\":\"tool_abc123\",\"result\":{\"name\":\"Jan\"}}]},"
                        + "{\"results\":[{\"toolCallId\":\"call_abc123\",\"result\":\"Slot found\"}]}]");

        assertThat(cli.run("validate", "--reply", "tool-calls", replies.toString()))
                .isZero();
        assertThat(cli.out())
                .contains(
                        "VALID    " + replies + "[0]  voicedock tool-calls reply",
                        "VALID    " + replies + "[1]  flireo tool-calls reply");
    }

    @Test
    void aReplyCheckSaysWhichDialectItJudgedByAndHowTheOthersJudgeIt() throws IOException {
        Path reply =
                write("snake.json", "{\"results\":[{\"tool_call_id\":\"tool_abc123\",\"result\":{\"name\":\"Jan\"}}]}");

        assertThat(cli.run("validate", "--reply", "tool-calls", reply.toString()))
                .isZero();
        assertThat(cli.out())
                .contains(
                        "VALID    " + reply + "  voicedock tool-calls reply\n"
                                + "         note     judged as a voicedock reply, the best fit, as no --dialect was given (flireo ")
                .contains("); --dialect flireo|voicedock|legacy judges by one");

        assertThat(cli.run("validate", "--reply", "tool-calls", "--dialect", "flireo", reply.toString()))
                .isEqualTo(1);
        assertThat(cli.out()).contains("INVALID  " + reply + "  flireo tool-calls reply\n         error    ");
    }

    @Test
    void aReplyInTheWrongDialectIsInvalid() throws IOException {
        Path reply = write("reply.json", "{\"max_duration_seconds\":300}");

        assertThat(cli.run("validate", "--reply", "assistant-request", "--dialect", "flireo", reply.toString()))
                .isEqualTo(1);
        assertThat(cli.out()).contains("the body matches none of the documented shapes");
    }

    @Test
    void anUnknownDialectIsAUsageError() {
        assertThat(cli.run("validate", "--dialect", "vapi", "x.json")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown dialect 'vapi'; expected one of flireo, voicedock, legacy");
    }

    @Test
    void aHarRecordingIsCheckedWebhookByWebhookAndCallByCall() throws IOException {
        String har = """
                {"log":{"version":"1.2","entries":[
                  {"request":{"method":"POST","url":"https://receiver.example.com/webhooks/flireo",
                     "headers":[{"name":"X-Webhook-Event","value":"tool-calls"}],
                     "postData":{"mimeType":"application/json","text":%s}},
                   "response":{"status":200,"content":{"mimeType":"application/json",
                     "text":"{\\"results\\":[{\\"toolCallId\\":\\"call_kLsrB3eFvT6bvo67BqTv7iXc\\",\\"result\\":42}]}"}}},
                  {"request":{"method":"POST","url":"https://receiver.example.com/webhooks/flireo",
                     "headers":[{"name":"x-webhook-event","value":"status-update"}],
                     "postData":{"mimeType":"application/json","text":%s}},
                   "response":{"status":500,"content":{"mimeType":"text/plain","text":"oops"}}},
                  {"request":{"method":"POST","url":"http://127.0.0.1:8080/api/v1/calls/outbound","headers":[],
                     "postData":{"mimeType":"application/json","text":"{\\"destination\\":\\"+31612345678\\",\\"assistant_id\\":\\"17a0cb75-fa09-4bdd-9a44-92a70d829c88\\"}"}},
                   "response":{"status":200,"content":{"mimeType":"application/json",
                     "text":"eyJzdWNjZXNzIjp0cnVlLCJjYWxsX2lkIjoiY2FsbC1vdXRib3VuZC1hYmMxMjMiLCJzdGF0dXMiOiJkaWFsaW5nIn0=","encoding":"base64"}}},
                  {"request":{"method":"GET","url":"https://cdn.example.com/logo.png","headers":[]},
                   "response":{"status":200,"content":{"mimeType":"image/png"}}}
                ]}}""".formatted(quoted(LEGACY_TOOL_CALLS), quoted(STATUS_UPDATE));
        Path file = write("traffic.har", har);

        assertThat(cli.run("validate", file.toString())).isEqualTo(1);
        assertThat(cli.out())
                .contains(
                        "VALID    " + file + " entry 1 POST /webhooks/flireo webhook payload  legacy tool-calls",
                        "INVALID  " + file + " entry 1 POST /webhooks/flireo reply (HTTP 200)  legacy tool-calls",
                        "error    /results/0/result: `result` must be a string, got integer 42",
                        "VALID    " + file + " entry 2 POST /webhooks/flireo webhook payload  flireo status-update",
                        "INVALID  " + file + " entry 2 POST /webhooks/flireo reply (HTTP 500)",
                        "the receiver answered HTTP 500; the platform expects a 2xx",
                        "VALID    " + file
                                + " entry 3 POST /api/v1/calls/outbound request  flireo createOutboundCall request",
                        "VALID    " + file
                                + " entry 3 POST /api/v1/calls/outbound response (HTTP 200)  flireo createOutboundCall 200 response",
                        "6 items: 4 valid, 2 invalid, 1 HAR entries skipped (not Flireo traffic)");
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
