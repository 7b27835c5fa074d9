package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ready means ready, for {@code flireo mock} in a fresh JVM (where loading the specs takes longer than starting
 * Jetty): the first API request sent the moment health answers 200 is served as configured, by the proxy's
 * unreachable upstream (502, never the mock's own data) or from the restored state file; the banner is out by then.
 */
class MockReadinessProcessTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void inProxyModeTheFirstRequestAfterHealthGoesToTheUpstream() throws Exception {
        int port = freePort();
        try (FlireoProcess mock =
                FlireoProcess.start("mock", "--port", Integer.toString(port), "--proxy-to", "http://127.0.0.1:1")) {
            HttpResponse<String> first = firstRequestAfterHealth(port, mock);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(502);
            assertThat(first.body()).doesNotContain("Support Agent");
            assertThat(mock.out()).contains("Press Ctrl-C to stop");
        }
    }

    @Test
    void withAStateFileTheFirstRequestAfterHealthSeesTheRestoredState(@TempDir Path dir) throws Exception {
        Path stateFile = dir.resolve("flireo.json");
        Files.writeString(
                stateFile,
                "{\"assistants\":[{\"id\":\"9b2f6d0e-4a51-4c3e-9f0a-1d2c3b4a5e6f\",\"name\":\"Restored\","
                        + "\"created_at\":\"2025-12-13T10:00:00.000Z\",\"updated_at\":\"2025-12-13T10:00:00.000Z\"}]}");
        int port = freePort();
        try (FlireoProcess mock =
                FlireoProcess.start("mock", "--port", Integer.toString(port), "--state-file", stateFile.toString())) {
            HttpResponse<String> first = firstRequestAfterHealth(port, mock);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("Restored").doesNotContain("Support Agent");
        }
    }

    /** Polls health as fast as it answers, then at once lists the assistants. */
    private static HttpResponse<String> firstRequestAfterHealth(int port, FlireoProcess mock) throws Exception {
        String root = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (health(root) != 200) {
            assertThat(System.nanoTime())
                    .as("no healthy mock within 90 s:%n%s%n%s", mock.out(), mock.err())
                    .isLessThan(deadline);
        }
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(root + "/api/v1/assistants"))
                        .header("Authorization", "Bearer k")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int health(String root) throws InterruptedException {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(root + "/__flireo/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            Thread.sleep(5); // not listening yet
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
