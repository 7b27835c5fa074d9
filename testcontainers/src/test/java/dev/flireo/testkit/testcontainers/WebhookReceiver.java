package dev.flireo.testkit.testcontainers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook endpoint on the host that records every delivery and acknowledges it with {@code 200 {}}. It listens
 * on all interfaces: a container reaches it through {@code host.docker.internal}, the host's gateway address.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One delivery as it arrived: headers (any case) and the raw body the signature covers. */
    record Delivery(Map<String, String> headers, byte[] body) {
        String event() {
            return headers.get("X-Webhook-Event");
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/webhooks", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            deliveries.add(new Delivery(headers, exchange.getRequestBody().readAllBytes()));
            byte[] ack = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ack.length);
            exchange.getResponseBody().write(ack);
            exchange.close();
        });
        server.start();
    }

    /** The URL a container posts to. */
    String url() {
        return FlireoMockContainer.hostUrl(server.getAddress().getPort()) + "/webhooks";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits (bounded) until at least {@code count} deliveries arrived, then returns all of them. */
    List<Delivery> awaitDeliveries(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveries.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return deliveries();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
