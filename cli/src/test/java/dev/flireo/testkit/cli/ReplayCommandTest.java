package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReplayCommandTest {

    private final CliRun cli = new CliRun();
    private WebhookReceiver receiver;

    /** A receiver on 127.0.0.1 that answers every delivery with this status and {@code {}}. */
    private String receiver(int status) {
        receiver = WebhookReceiver.start().replyToAll(Reply.status(status, "{}"));
        return receiver.url();
    }

    /**
     * A receiver that does what the vendor documents: 401 unless the signature over timestamp and raw body is right
     * and within 300 s; no replay defence. Tool-calls get one {@code result}, whatever their number.
     */
    private String documentedReceiver(String secret) {
        receiver =
                WebhookReceiver.start().requireSignature(secret).reply("tool-calls", Reply.json("{\"result\":\"ok\"}"));
        return receiver.url();
    }

    @Test
    void probeSecurityPassesADocumentedReceiverAndWarnsAboutTheReplay() throws Exception {
        String target = documentedReceiver("whsec_test");

        assertThat(cli.run(
                        "replay",
                        "outbound-happy-path",
                        "--target",
                        target,
                        "--secret",
                        "whsec_test",
                        "--probe-security"))
                .as(cli.out() + cli.err())
                .isZero();
        assertThat(cli.out())
                .containsPattern("ok +probe +security probe tampered-body +401")
                .containsPattern(
                        "warn +probe +security probe replay +200 .* accepted with HTTP 200 a byte-for-byte replay")
                .contains(
                        "0 failed verdicts, 1 warning",
                        "security probes: 5 of 6 rejected; accepted with a warning: replay",
                        "  ~ warning: security probe replay: accepted");
    }

    @Test
    void probeSecurityStrictFailsTheReplayAndAListSendsOnlyThoseProbes() throws Exception {
        String target = documentedReceiver("whsec_test");

        assertThat(cli.run(
                        "replay",
                        "outbound-no-answer",
                        "--target",
                        target,
                        "--secret",
                        "whsec_test",
                        "--probe-security=strict"))
                .isEqualTo(1);
        assertThat(cli.out())
                .containsPattern("FAIL +probe +security probe replay")
                .contains("wrongly accepted: replay");

        cli.out.getBuffer().setLength(0);
        assertThat(cli.run(
                        "replay",
                        "outbound-no-answer",
                        "--target",
                        target,
                        "--secret",
                        "whsec_test",
                        "--probe-security",
                        "tampered-body,future-timestamp"))
                .isZero();
        assertThat(cli.out())
                .contains("security probes: 2 of 2 rejected")
                .doesNotContain("security probe replay", "security probe wrong-secret");

        assertThat(cli.run(
                        "replay",
                        "outbound-no-answer",
                        "--target",
                        target,
                        "--secret",
                        "whsec_test",
                        "--probe-security=tampered,replay"))
                .isEqualTo(2);
        assertThat(cli.err())
                .contains("--probe-security: unknown security probe 'tampered'; expected one of " + "tampered-body, ");
    }

    @Test
    void strictTurnsWarningsIntoFailures() throws Exception {
        String target = documentedReceiver("whsec_test");

        assertThat(cli.run("replay", "inbound-tool-calls", "--target", target, "--secret", "whsec_test", "--seed", "4"))
                .isZero();
        assertThat(cli.out())
                .containsPattern("warn +call 1 +tool-calls check_availability, book_appointment")
                .contains("  ~ warning: call 1 tool-calls check_availability, book_appointment: answered 2 tool calls");

        cli.out.getBuffer().setLength(0);
        assertThat(cli.run(
                        "replay",
                        "inbound-tool-calls",
                        "--target",
                        target,
                        "--secret",
                        "whsec_test",
                        "--seed",
                        "4",
                        "--strict"))
                .isEqualTo(1);
        assertThat(cli.out())
                .contains(
                        "FAILED inbound-tool-calls",
                        "strict",
                        "  - call 1 tool-calls check_availability, book_appointment: answered 2 tool calls");
    }

    @Test
    void aFixedClockDatesTheEventsFromTheGivenInstant(@TempDir Path dir) throws Exception {
        String target = receiver(200);

        assertThat(cli.run(
                        "replay",
                        "outbound-no-answer",
                        "--target",
                        target,
                        "--seed",
                        "1",
                        "--fixed-clock",
                        "2026-01-05T09:00:00Z",
                        "--report",
                        dir.toString()))
                .isZero();
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains(
                        "X-Webhook-Timestamp: 1767603600",
                        "&quot;timestamp&quot; : &quot;2026-01-05T09:00:00.000Z&quot;");

        assertThat(cli.run("replay", "outbound-no-answer", "--target", target, "--fixed-clock", "monday"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("expected an ISO-8601 instant such as 2026-01-05T09:00:00Z, got 'monday'");
    }

    @Test
    void aLegacyReplaySaysTheLegacyPagesDocumentNoSignature() throws Exception {
        String target = receiver(200);

        assertThat(cli.run("replay", "outbound-no-answer", "--target", target, "--dialect", "legacy"))
                .isZero();
        assertThat(cli.out())
                .contains("note: the legacy pages document no signature; with --secret (and "
                        + "--probe-security) the replay tests an extra the legacy platform may not send");
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void scenariosListsEveryBuiltInOnOneLine() {
        assertThat(cli.run("scenarios")).isZero();
        assertThat(cli.out().lines().filter(l -> l.matches("[a-z-]+ +(inbound|outbound|web)\\b.*")))
                .hasSize(12)
                .anySatisfy(l -> assertThat(l).startsWith("inbound-happy-path"))
                .anySatisfy(l -> assertThat(l).matches("campaign-batch +outbound x5 +Outbound campaign.*"));
    }

    @Test
    void replayPrintsProgressAndASummaryAndExitsZeroWhenEveryVerdictPasses(@TempDir Path dir) throws Exception {
        String target = receiver(200);

        int code = cli.run(
                "replay",
                "outbound-happy-path",
                "--target",
                target,
                "--secret",
                "whsec_test",
                "--seed",
                "42",
                "--dialect",
                "voicedock",
                "--junit",
                dir.resolve("junit.xml").toString(),
                "--report",
                dir.resolve("report").toString());

        assertThat(code).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .contains("replaying outbound-happy-path (1 call, voicedock) to " + target + ", signed")
                .containsPattern("ok +call 1 +status-update ringing +200")
                .contains("PASSED outbound-happy-path: 1 call, 4 deliveries, 0 failed verdicts")
                .contains("seed 42");
        assertThat(receiver.received()).hasSize(4);
        Document junit = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("junit.xml").toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        String html = Files.readString(dir.resolve("report/index.html"));
        assertThat(html).contains("<svg class=\"timeline\"", "PASSED").doesNotContain("<script", "<link", "src=");
    }

    @Test
    void callsSetsTheNumberOfParallelCalls() throws Exception {
        String target = receiver(200);

        assertThat(cli.run("replay", "campaign-batch", "--target", target, "--calls", "3", "--seed", "5"))
                .isZero();
        assertThat(cli.out())
                .contains(
                        "replaying campaign-batch (3 calls, flireo)", "PASSED campaign-batch: 3 calls, 15 deliveries");
        assertThat(receiver.received()).hasSize(15);
    }

    @Test
    void aFailingReceiverExitsOneAndNamesTheFailures() throws Exception {
        String target = receiver(503);

        assertThat(cli.run("replay", "outbound-no-answer", "--target", target)).isEqualTo(1);
        assertThat(cli.out())
                .contains(
                        "FAILED outbound-no-answer", "- call 1 status-update ringing: answered HTTP 503, expected 2xx");
    }

    @Test
    void retryChaosSendsAFailedNotificationAgain() throws Exception {
        String target = receiver(503);

        assertThat(cli.run("replay", "outbound-no-answer", "--target", target, "--chaos", "retry"))
                .isEqualTo(1);
        assertThat(receiver.received()).hasSize(9);
        assertThat(cli.out()).contains("[retry 2]");
    }

    @Test
    void aRefusedConnectionIsAClearVerdictAndTheRunEnds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(cli.run("replay", "web-call", "--target", "http://127.0.0.1:" + closedPort + "/hook"))
                .isEqualTo(1);
        assertThat(cli.out()).contains("connection refused by 127.0.0.1:" + closedPort);
    }

    @Test
    void anUnknownScenarioIsBadUsage() {
        assertThat(cli.run("replay", "inbound-sad-path", "--target", "http://127.0.0.1:9/"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("no built-in scenario 'inbound-sad-path'", "inbound-happy-path");
    }

    @Test
    void aBrokenScenarioFileNamesItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "name: mine\ndescription: Mine.\ncall: inbound\nsteps:\n  - status: done\n");

        assertThat(cli.run("replay", file.toString(), "--target", "http://127.0.0.1:9/"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("mine.yaml line 5 (/steps/0/status): unknown call status 'done'");
    }

    @Test
    void securityProbesNeedASecret() {
        assertThat(cli.run("replay", "web-call", "--target", "http://127.0.0.1:9/", "--probe-security"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("security probes need a secret");
    }

    @Test
    void anUnknownDialectOrTargetIsBadUsage() {
        assertThat(cli.run("replay", "web-call", "--target", "http://127.0.0.1:9/", "--dialect", "vapi"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("unknown dialect 'vapi'; expected one of flireo, voicedock, legacy");
        assertThat(cli.run("replay", "web-call", "--target", "ftp://example")).isEqualTo(2);
        assertThat(cli.err()).contains("the target must be an http:// or https:// URL");
    }
}
