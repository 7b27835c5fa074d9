package dev.flireo.testkit.simulator;

import static dev.flireo.testkit.simulator.FailingTargetTest.millisSince;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.EventType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A target that answers, but too slowly or too much: the 5 s and 10 s deadlines cover the whole reply, however
 * steadily it drips in, and no more than {@link WebhookSender#MAX_REPLY_BYTES} of a reply is read, however much
 * is sent. Each ends with a verdict that names the problem, and with the connection closed.
 */
class ReplyLimitsTest {

    private static final Scenario RINGING_ONLY = FailingTargetTest.RINGING_ONLY;

    private static final Scenario ONE_TOOL_CALL = Scenario.parse("""
            name: one-tool-call
            description: One tool-calls event, whose 10 s deadline bounds the wait.
            call: web
            steps:
              - tool-calls:
                  - name: lookup_customer
            """, "one-tool-call.yaml");

    private static final Duration BYTE_BY_BYTE = Duration.ofMillis(100);
    private static final long FLOOD_BOUND = 64L * 1024 * 1024;

    @Test
    void aStatusLineAndHeadersDrippedByteByByteDoNotExtendTheDeadline() throws Exception {
        try (RawServer dripping = new RawServer(connection -> {
            connection.readRequest();
            connection.drip(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", BYTE_BY_BYTE);
        })) {
            long start = System.nanoTime();
            SimulationReport report =
                    WebhookSimulator.target(dripping.url("http")).run(RINGING_ONLY);

            assertThat(millisSince(start)).isBetween(4_900L, 6_500L);
            assertThat(report.failures())
                    .containsExactly("call 1 assistant-request: no answer within 5 s (timed out);"
                            + " the platform would fall back to the default configuration");
            assertThat(dripping.nextEnding(Duration.ofSeconds(2)).closedByClient())
                    .isTrue();
        }
    }

    @Test
    void aBodyDrippedByteByByteIsCutOffAtTheToolCallsDeadline() throws Exception {
        try (RawServer dripping = new RawServer(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n");
            connection.drip("{\"results\":[]" + " ".repeat(186) + "}", BYTE_BY_BYTE);
        })) {
            long start = System.nanoTime();
            SimulationReport report =
                    WebhookSimulator.target(dripping.url("http")).run(ONE_TOOL_CALL);

            assertThat(millisSince(start)).isBetween(10_900L, 12_500L);
            assertThat(report.failures()).hasSize(1);
            Matcher failure = Pattern.compile("call 1 tool-calls lookup_customer: HTTP 200 came, but its body did not"
                            + " finish within 10 s \\((\\d+) of 200 bytes of the body received; timed out\\);"
                            + " the agent gets no tool result")
                    .matcher(report.failures().get(0));
            assertThat(failure.matches()).as(report.failures().get(0)).isTrue();
            assertThat(Integer.parseInt(failure.group(1))).isBetween(80, 120);
            RawServer.Ending ending = dripping.nextEnding(Duration.ofSeconds(2));
            assertThat(ending.closedByClient()).as(ending.how()).isTrue();
            assertThat(ending.after()).isLessThan(Duration.ofSeconds(13));
        }
    }

    @Test
    void aHugeAnnouncedBodyIsRefusedUnread() throws Exception {
        try (RawServer huge = new RawServer(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 524288000\r\n\r\n");
            connection.flood(new byte[64 * 1024]);
        })) {
            long start = System.nanoTime();
            SimulationReport report = WebhookSimulator.target(huge.url("http")).run(RINGING_ONLY);

            assertThat(millisSince(start)).isLessThan(3_000L);
            assertThat(report.failures())
                    .containsExactly("call 1 assistant-request: reply too large: HTTP 200"
                            + " announced 524288000 bytes (Content-Length), over the 1 MiB limit; not read;"
                            + " the platform would fall back to the default configuration");
            assertThat(report.deliveries().get(0).reply()).isEmpty();
            RawServer.Ending ending = huge.nextEnding(Duration.ofSeconds(2));
            assertThat(ending.closedByClient()).as(ending.how()).isTrue();
            assertThat(ending.written()).isLessThan(FLOOD_BOUND);
        }
    }

    @Test
    void anEndlessChunkedStreamIsCutOffAtTheLimitForEveryEvent() throws Exception {
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawServer endless = new RawServer(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            connection.flood(chunk);
        })) {
            long start = System.nanoTime();
            SimulationReport report =
                    WebhookSimulator.target(endless.url("http")).seed(1).run(Scenario.named("outbound-no-answer"));

            assertThat(millisSince(start)).isLessThan(5_000L);
            assertThat(report.failures())
                    .hasSize(3)
                    .allSatisfy(
                            failure -> assertThat(failure)
                                    .endsWith(
                                            ": reply too large: HTTP 200 sent more than the 1 MiB limit; reading stopped there"));
            for (int i = 0; i < 3; i++) {
                RawServer.Ending ending = endless.nextEnding(Duration.ofSeconds(2));
                assertThat(ending.closedByClient()).as(ending.how()).isTrue();
                assertThat(ending.written()).isLessThan(FLOOD_BOUND);
            }
        }
    }

    @Test
    void aReplyOfExactlyTheLimitIsReadWhileOneByteMoreIsNot() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (RawServer server = new RawServer(connection -> {
            connection.readRequest();
            int length = WebhookSender.MAX_REPLY_BYTES + requests.getAndIncrement();
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n");
            connection.write(filler(length));
            connection.write("\r\n0\r\n\r\n");
            connection.close();
        })) {
            WebhookSender sender = WebhookSender.builder().build();
            URI target = URI.create(server.url("http"));
            byte[] body = "{\"message\":{\"type\":\"status-update\"}}".getBytes(StandardCharsets.UTF_8);

            Delivery atLimit = sender.send(target, EventType.STATUS_UPDATE, body);
            Delivery overLimit = sender.send(target, EventType.STATUS_UPDATE, body);

            assertThat(atLimit.verdict()).isEqualTo(Verdict.pass("acknowledged with HTTP 200"));
            assertThat(atLimit.reply()).hasSize(WebhookSender.MAX_REPLY_BYTES);
            assertThat(overLimit.verdict())
                    .isEqualTo(Verdict.fail(
                            "reply too large: HTTP 200 sent more than the 1 MiB limit; reading stopped there"));
            assertThat(overLimit.status()).isEqualTo(200);
            assertThat(overLimit.reply()).isEmpty();
        }
    }

    @Test
    void anEndlessStreamOfGarbageIsNotHttpAndEndsTheExchangeAtOnce() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(8).nextBytes(garbage);
        Arrays.fill(garbage, 0, 4, (byte) 0x7f); // not "HTTP": no status line ever ends
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = garbage[i] == '\n' || garbage[i] == '\r' ? 0 : garbage[i];
        }
        try (RawServer noise = new RawServer(connection -> {
            connection.readRequest();
            connection.flood(garbage);
        })) {
            long start = System.nanoTime();
            SimulationReport report = WebhookSimulator.target(noise.url("http")).run(RINGING_ONLY);

            assertThat(millisSince(start)).isLessThan(3_000L);
            assertThat(report.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.status()).isZero();
                assertThat(d.error()).startsWith("no valid HTTP answer from 127.0.0.1:" + noise.port() + ": ");
            });
        }
    }

    private static byte[] filler(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '{';
        bytes[length - 1] = '}';
        return bytes;
    }
}
