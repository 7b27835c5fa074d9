package dev.flireo.testkit.examples.clinic;

import com.sun.net.httpserver.HttpServer;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The clinic's webhook receiver on the JDK's HTTP server: {@code POST /webhooks} for the Flireo platform and
 * {@code GET /health}.
 */
public final class ClinicServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    private ClinicServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1:{@code port} (0 = any free port). */
    public static ClinicServer start(int port, Clinic clinic, ClinicDatabase db, String webhookSecret) {
        return start(port, clinic, db, webhookSecret, Clock.systemUTC());
    }

    static ClinicServer start(int port, Clinic clinic, ClinicDatabase db, String webhookSecret, Clock clock) {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is needed: the clinic verifies every webhook");
        }
        Customers customers = new Customers(db);
        CallLog calls = new CallLog(db);
        WebhookSignature.Verifier verifier =
                WebhookSignature.verifier(webhookSecret).clock(clock);
        WebhookEndpoint webhooks = new WebhookEndpoint(
                verifier,
                new ReplayGuard(WebhookSignature.DEFAULT_TOLERANCE, clock),
                new AssistantRequests(clinic, customers, calls),
                new ToolCalls(clinic, customers, new Appointments(db)),
                new CallUpdates(calls));
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            http.createContext("/webhooks", webhooks);
            http.createContext("/health", exchange -> {
                try (exchange) {
                    Http.send(exchange, 200, Http.JSON_FACTORY.objectNode().put("status", "ok"));
                }
            });
            ClinicServer clinicServer = new ClinicServer(http);
            http.setExecutor(clinicServer.threads);
            http.start();
            return clinicServer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the platform sends the webhooks: {@code http://127.0.0.1:PORT/webhooks}. */
    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/webhooks");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
