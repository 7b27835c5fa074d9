package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A target that refuses, hangs, resets or closes the connection, speaks another protocol or has no TLS: a clear
 * verdict per delivery, a bounded run, and no connection left open behind it.
 */
class FailingTargetTest {

    /** Shared with {@link ReplyLimitsTest}. */
    static final Scenario RINGING_ONLY = Scenario.parse("""
            name: ringing-only
            description: One assistant-request, whose 5 s deadline bounds the wait.
            call: inbound
            steps:
              - assistant-request: accept
            """, "ringing-only.yaml");

    private static final String MID_REPLY =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + "Content-Length: 1000\r\n\r\n{\"resu";

    @Test
    void aTargetThatAcceptsButNeverAnswersTimesOutAtTheDeadlineAndIsDisconnected() throws Exception {
        try (RawServer silent = new RawServer(connection -> {
            connection.readRequest();
            connection.awaitClose();
        })) {
            long start = System.nanoTime();
            SimulationReport report =
                    WebhookSimulator.target(silent.url("http")).run(RINGING_ONLY);

            assertThat(millisSince(start)).isBetween(4_900L, 7_500L);
            assertThat(report.failures())
                    .containsExactly("call 1 assistant-request: no answer within 5 s (timed out);"
                            + " the platform would fall back to the default configuration");
            RawServer.Ending ending = silent.nextEnding(Duration.ofSeconds(2));
            assertThat(ending.closedByClient()).as(ending.how()).isTrue();
            assertThat(ending.after()).isBetween(Duration.ofMillis(4_800), Duration.ofMillis(6_500));
        }
    }

    @Test
    void aTargetThatClosesWithoutAnsweringIsNamedPerDelivery() throws Exception {
        try (RawServer closing = new RawServer(connection -> {
            connection.readRequest();
            connection.close();
        })) {
            long start = System.nanoTime();
            SimulationReport report =
                    WebhookSimulator.target(closing.url("http")).seed(1).run(Scenario.named("outbound-no-answer"));

            assertThat(millisSince(start)).isLessThan(4_000L);
            assertThat(report.failures())
                    .hasSize(3)
                    .allSatisfy(failure -> assertThat(failure)
                            .endsWith(": 127.0.0.1:" + closing.port() + " closed the connection without answering"));
        }
    }

    @Test
    void aConnectionResetWhileTheRequestIsSentIsNamed() throws Exception {
        try (RawServer resetting = new RawServer(connection -> {
            connection.readSome(20);
            connection.reset();
        })) {
            SimulationReport report =
                    WebhookSimulator.target(resetting.url("http")).run(RINGING_ONLY);

            // The JDK reports a reset that lands before it starts reading as the end of the stream, so either
            // wording names what happened; which one comes depends on timing in the kernel.
            assertThat(report.failures())
                    .singleElement()
                    .asString()
                    .matches("call 1 assistant-request: (connection "
                            + "reset by 127\\.0\\.0\\.1:" + resetting.port() + " before any answer|127\\.0\\.0\\.1:"
                            + resetting.port()
                            + " closed the connection without answering); the platform would fall back"
                            + " to the default configuration");
        }
    }

    @Test
    void aConnectionResetInTheMiddleOfTheReplySaysHowFarTheReplyGot() throws Exception {
        try (RawServer resetting = new RawServer(connection -> {
            connection.readRequest();
            connection.write(MID_REPLY);
            connection.pause(Duration.ofMillis(100));
            connection.reset();
        })) {
            SimulationReport report =
                    WebhookSimulator.target(resetting.url("http")).run(RINGING_ONLY);

            assertThat(report.failures())
                    .containsExactly("call 1 assistant-request: connection reset by 127.0.0.1:"
                            + resetting.port() + " in the middle of the reply (HTTP 200, 6 of 1000 bytes of the body);"
                            + " the platform would fall back to the default configuration");
            assertThat(report.deliveries().get(0).status()).isEqualTo(200);
        }
    }

    @Test
    void aConnectionClosedInTheMiddleOfTheReplySaysHowFarTheReplyGot() throws Exception {
        try (RawServer closing = new RawServer(connection -> {
            connection.readRequest();
            connection.write(MID_REPLY);
            connection.pause(Duration.ofMillis(100));
            connection.close();
        })) {
            SimulationReport report =
                    WebhookSimulator.target(closing.url("http")).run(RINGING_ONLY);

            assertThat(report.failures())
                    .containsExactly("call 1 assistant-request: 127.0.0.1:" + closing.port()
                            + " closed the connection in the middle of the reply (HTTP 200, 6 of 1000 bytes of the body);"
                            + " the platform would fall back to the default configuration");
        }
    }

    @Test
    void aTargetThatSpeaksAnotherProtocolIsNotHttp() throws Exception {
        try (RawServer ssh = new RawServer(connection -> {
            connection.readRequest();
            connection.write("SSH-2.0-OpenSSH_9.2\r\n");
            connection.close();
        })) {
            long start = System.nanoTime();
            SimulationReport report =
                    WebhookSimulator.target(ssh.url("http")).seed(1).run(Scenario.named("outbound-no-answer"));

            assertThat(millisSince(start)).isLessThan(4_000L);
            assertThat(report.deliveries()).hasSize(3).allSatisfy(d -> {
                assertThat(d.status()).isZero();
                assertThat(d.error()).startsWith("no valid HTTP answer from 127.0.0.1:" + ssh.port());
                assertThat(d.passed()).isFalse();
            });
        }
    }

    @Test
    void anHttpsTargetThatAnswersPlainHttpFailsTheHandshake() throws Exception {
        try (RawServer plain = new RawServer(connection -> {
            connection.readSome(512);
            connection.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            connection.close();
        })) {
            long start = System.nanoTime();
            SimulationReport report =
                    WebhookSimulator.target(plain.url("https")).seed(1).run(Scenario.named("web-call"));

            assertThat(millisSince(start)).isLessThan(4_000L);
            assertThat(report.deliveries())
                    .hasSize(4)
                    .allSatisfy(
                            d -> assertThat(d.error()).startsWith("TLS failed with 127.0.0.1:" + plain.port() + ": "));
        }
    }

    @Test
    void aRefusedConnectionIsNamedPerDelivery() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SimulationReport report = WebhookSimulator.target("http://127.0.0.1:" + closedPort + "/hook")
                .seed(1)
                .run(Scenario.named("inbound-happy-path"));

        assertThat(report.failures())
                .hasSize(4)
                .first()
                .asString()
                .isEqualTo("call 1 assistant-request: "
                        + "connection refused by 127.0.0.1:" + closedPort
                        + "; the platform would fall back to the default configuration");
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
