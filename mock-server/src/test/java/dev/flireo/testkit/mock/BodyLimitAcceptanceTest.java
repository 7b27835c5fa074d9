package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request bodies over the limit get the documented 413 naming it, without being buffered, however they are sent. */
class BodyLimitAcceptanceTest {

    private static final int LIMIT = 64 * 1024;

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().maxBodySize(LIMIT))
            .build();

    /** A JSON body of exactly {@code size} bytes: a name padded with trailing spaces. */
    private static String body(int size) {
        String json = "{\"name\":\"Padded\"}";
        return json + " ".repeat(size - json.length());
    }

    @Test
    void aBodyAtTheLimitIsTakenAndOneByteMoreIs413NamingTheLimit() {
        assertThat(Http.send("POST", flireo.baseUrl() + "/assistants", flireo.apiKey(), body(LIMIT))
                        .status())
                .isEqualTo(201);

        Http.Reply reply = Http.send("POST", flireo.baseUrl() + "/assistants", flireo.apiKey(), body(LIMIT + 1));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(reply.json())
                .isEqualTo(Http.JSON
                        .createObjectNode()
                        .put("error", "request_too_large")
                        .put("message", "The request body is larger than the limit of 65536 bytes"));
        assertThat(flireo.state().list("assistants")).hasSize(1);
    }

    @Test
    void theLegacyApiAnswersInItsOwnEnvelopeAndTheAdminApiInTheFlireoOne() {
        JsonNode legacy = Http.send("POST", flireo.legacyBaseUrl() + "/assistants", flireo.apiKey(), body(LIMIT + 1))
                .json();
        assertThat(legacy.at("/error/code").asText()).isEqualTo("invalid_parameters");
        assertThat(legacy.at("/error/message").asText()).contains("65536 bytes");

        Http.Reply admin = Http.send("POST", flireo.adminUrl() + "/seed", null, body(LIMIT + 1));
        assertThat(admin.status()).isEqualTo(413);
        assertThat(admin.json().at("/error").asText()).isEqualTo("request_too_large");
    }

    @Test
    void aGzipBodyIsMeasuredInflated() throws IOException {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(body(LIMIT + 1).getBytes(StandardCharsets.UTF_8));
        }
        RawHttp.Reply reply = RawHttp.exchange(
                flireo.port(),
                new RawHttp.Request(
                        "POST",
                        "/api/v1/assistants",
                        RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer k", "Content-Encoding", "gzip"),
                        zipped.toByteArray(),
                        false));

        assertThat(zipped.size()).isLessThan(LIMIT / 10);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("The request body, inflated, is larger than the limit of 65536 bytes");
    }

    /**
     * A chunked body never says how long it is: the mock stops reading at the limit, answers 413 and closes, so a
     * client streaming without end is cut off after little more than the limit, not buffered.
     */
    @Test
    void anEndlessChunkedBodyIsCutOffAtTheLimit() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), flireo.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/assistants HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> stream(out, sent, 256L << 20));

            String reply = readReply(socket.getInputStream());

            writer.get(20, TimeUnit.SECONDS);
            assertThat(reply).startsWith("HTTP/1.1 413 ").contains("Connection: close", "65536 bytes");
            assertThat(sent.get()).as("bytes the client got to send").isLessThan(64L << 20);
        }
    }

    /** Writes 8 KiB chunks until {@code max} bytes or until the server closes the connection. */
    private static void stream(OutputStream out, AtomicLong sent, long max) {
        byte[] chunk = new byte[8192];
        Arrays.fill(chunk, (byte) ' ');
        byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            while (sent.get() < max) {
                out.write(head);
                out.write(chunk);
                out.write('\r');
                out.write('\n');
                sent.addAndGet(chunk.length);
            }
        } catch (IOException closedByTheServer) {
            // expected: the server refused the rest
        }
    }

    private static String readReply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0 && !reply.toString().contains("}}"); ) {
                reply.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // A reset after the reply arrived: what came before it counts.
        }
        return reply.toString();
    }
}
