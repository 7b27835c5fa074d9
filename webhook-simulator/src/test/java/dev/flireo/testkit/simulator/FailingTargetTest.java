package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A target that refuses, hangs, speaks another protocol or has no TLS: a clear verdict per delivery, a bounded run. */
class FailingTargetTest {

    private static final Scenario RINGING_ONLY = Scenario.parse("""
            name: ringing-only
            description: One assistant-request, whose 5 s deadline bounds the wait.
            call: inbound
            steps:
              - assistant-request: accept
            """, "ringing-only.yaml");

    /** A TCP server on 127.0.0.1 that hands every accepted connection to {@code conversation}. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> open = new ArrayList<>();

        RawServer(SocketConversation conversation) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        synchronized (open) {
                            open.add(client);
                        }
                        conversation.talk(client);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url(String scheme) {
            return scheme + "://127.0.0.1:" + socket.getLocalPort() + "/hook";
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket client : open) {
                    client.close();
                }
            }
        }
    }

    interface SocketConversation {
        void talk(Socket client) throws IOException;
    }

    @Test
    void aTargetThatAcceptsButNeverAnswersTimesOutAtTheDeadline() throws Exception {
        try (RawServer silent = new RawServer(client -> { })) {
            long start = System.nanoTime();
            SimulationReport report = WebhookSimulator.target(silent.url("http")).run(RINGING_ONLY);

            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(4_900L, 7_500L);
            assertThat(report.failures()).containsExactly("call 1 assistant-request: no answer within 5 s (timed out);"
                    + " the platform would fall back to the default configuration");
        }
    }

    @Test
    void aTargetThatSpeaksAnotherProtocolIsNotHttp() throws Exception {
        try (RawServer ssh = new RawServer(client -> {
            OutputStream out = client.getOutputStream();
            out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.close();
        })) {
            long start = System.nanoTime();
            SimulationReport report = WebhookSimulator.target(ssh.url("http")).seed(1)
                    .run(Scenario.named("outbound-no-answer"));

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000L);
            assertThat(report.deliveries()).hasSize(3).allSatisfy(d -> {
                assertThat(d.status()).isZero();
                assertThat(d.error()).startsWith("no valid HTTP answer from 127.0.0.1:" + ssh.port());
                assertThat(d.passed()).isFalse();
            });
        }
    }

    @Test
    void anHttpsTargetThatAnswersPlainHttpFailsTheHandshake() throws Exception {
        try (RawServer plain = new RawServer(client -> {
            client.getInputStream().read(new byte[512]);
            client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.close();
        })) {
            long start = System.nanoTime();
            SimulationReport report = WebhookSimulator.target(plain.url("https")).seed(1)
                    .run(Scenario.named("web-call"));

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000L);
            assertThat(report.deliveries()).hasSize(4).allSatisfy(d ->
                    assertThat(d.error()).startsWith("TLS failed with 127.0.0.1:" + plain.port() + ": "));
        }
    }

    @Test
    void aRefusedConnectionIsNamedPerDelivery() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SimulationReport report = WebhookSimulator.target("http://127.0.0.1:" + closedPort + "/hook").seed(1)
                .run(Scenario.named("inbound-happy-path"));

        assertThat(report.failures()).hasSize(4).first().asString().isEqualTo("call 1 assistant-request: "
                + "connection refused by 127.0.0.1:" + closedPort
                + "; the platform would fall back to the default configuration");
    }
}
