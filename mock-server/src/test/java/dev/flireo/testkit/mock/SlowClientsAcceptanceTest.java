package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Total deadlines for headers and bodies ({@code requestTimeouts}): a client that sends a byte now and then, or a
 * body shorter than its Content-Length, is cut off at the deadline, counted in health and logged, while other
 * clients are served.
 */
class SlowClientsAcceptanceTest {

    private static final Duration HEADERS = Duration.ofMillis(800);
    private static final Duration BODY = Duration.ofMillis(800);

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private FlireoMockServer mock;

    @BeforeEach
    void start() {
        mock = FlireoMockServer.options()
                .demoData(true)
                .requestTimeouts(HEADERS, BODY)
                .onWarning(warnings::add)
                .start();
    }

    @AfterEach
    void stop() {
        mock.stop();
    }

    @Test
    void aBodyShorterThanItsContentLengthIsA408AtTheDeadline() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            socket.getOutputStream()
                    .write(("POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"name\":\"x\"")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(answer)
                    .startsWith("HTTP/1.1 408")
                    .contains("request_timeout")
                    .contains("11 of the 40 bytes declared")
                    .doesNotContain("Exception");
            assertThat(took).isBetween(BODY.minusMillis(100), BODY.plusSeconds(3));
        }
        assertThat(Http.send("GET", mock.adminUrl() + "/health", null, null)
                        .json()
                        .get("slow_clients_cut")
                        .asLong())
                .isEqualTo(1);
        assertThat(warnings).anyMatch(w -> w.contains("request body was not complete after 800 ms (11 of 40 bytes)"));
    }

    @Test
    void headersSentByteByByteAreCutOffAtTheDeadlineWhileOthersAreServed() throws IOException {
        byte[] head = "GET /api/v1/assistants HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghijklmnopqrstuvwxyz"
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
            socket.setSoTimeout(200); // each byte comes well inside Jetty's idle timeout
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < head.length && !closed; i++) {
                closed = !send(socket, head[i]) || closedByServer(socket.getInputStream());
                if (i == 5) {
                    assertThat(Http.send("GET", mock.baseUrl() + "/assistants", "k", null)
                                    .status())
                            .isEqualTo(200);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(closed)
                    .as("the server closed the connection before all %d bytes", head.length)
                    .isTrue();
            assertThat(took).isBetween(HEADERS, HEADERS.plusSeconds(2));
        }
        assertThat(Http.send("GET", mock.adminUrl() + "/health", null, null)
                        .json()
                        .get("slow_clients_cut")
                        .asLong())
                .isEqualTo(1);
        assertThat(warnings).anyMatch(w -> w.contains("request headers were not complete after 800 ms"));
    }

    private static boolean send(Socket socket, byte b) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(b);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits one read timeout (the pace of the slow client) for the server to close the connection. */
    private static boolean closedByServer(InputStream in) {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
