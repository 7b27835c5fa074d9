package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health answers 200 only once every request is served as configured: the very first API request after it goes
 * to the proxy's upstream (never the mock's own state), or sees the state file's state. Each start is raced by a
 * client polling health as fast as it can. In a warm JVM the specs load before Jetty listens, so the race rarely
 * opens here; {@code MockReadinessProcessTest} in {@code cli/} shows it in a fresh one.
 */
class ReadinessAcceptanceTest {

    private static final int STARTS = 2;

    @TempDir
    Path dir;

    @Test
    void inProxyModeTheFirstRequestAfterHealthIsProxiedNeverLocal() throws Exception {
        for (int i = 0; i < STARTS; i++) {
            int port = freePort();
            Http.Reply first = firstRequestAfterHealth(
                    port,
                    FlireoMockServer.options().port(port).demoData(true).proxyTo(URI.create("http://127.0.0.1:1")));
            assertThat(first.status()).as("start %d: %s", i, first.body()).isEqualTo(502);
            assertThat(first.body()).doesNotContain("Support Agent");
        }
    }

    @Test
    void withAStateFileTheFirstRequestAfterHealthSeesTheRestoredState() throws Exception {
        Path file = dir.resolve("state.json");
        try (FlireoMockServer first = FlireoMockServer.options().stateFile(file).start()) {
            Http.send("POST", first.baseUrl() + "/assistants", "k", "{\"name\":\"Restored\"}");
        }
        assertThat(Files.readString(file)).contains("Restored");
        for (int i = 0; i < STARTS; i++) {
            int port = freePort();
            Http.Reply reply = firstRequestAfterHealth(
                    port, FlireoMockServer.options().port(port).stateFile(file));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).as("start %d", i).contains("Restored");
        }
    }

    /** Starts the server in the background, polls health until 200, then at once lists the assistants. */
    private static Http.Reply firstRequestAfterHealth(int port, MockOptions options) throws Exception {
        CompletableFuture<FlireoMockServer> starting = CompletableFuture.supplyAsync(options::start);
        String root = "http://127.0.0.1:" + port;
        try {
            while (health(root) != 200) {
                assertThat(starting.isCompletedExceptionally())
                        .as("the start failed")
                        .isFalse();
                Thread.onSpinWait();
            }
            return Http.send("GET", root + "/api/v1/assistants", "k", null);
        } finally {
            starting.get().stop();
        }
    }

    private static int health(String root) {
        try {
            return Http.send("GET", root + "/__flireo/health", null, null).status();
        } catch (java.io.UncheckedIOException e) {
            return 0; // not listening yet
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
