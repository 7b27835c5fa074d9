package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP endpoint that receives webhooks, checks each signature with the contracts module, and replies. */
final class WebhookReceiver implements AutoCloseable {

    /** One received webhook: its event, parsed body, headers and the signature check. */
    record Received(String event, JsonNode body, Map<String, String> headers, SignatureCheck signature) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.function.Function<JsonNode, String>> replies = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            String event = headers.get(WebhookSignature.EVENT_HEADER);
            SignatureCheck check = secret == null ? null : WebhookSignature.verifier(secret).verify(headers, body);
            JsonNode json = Http.JSON.readTree(body);
            received.add(new Received(event, json, headers, check));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] reply = replies.getOrDefault(event, any -> "{}").apply(json).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(check != null && !check.valid() ? 401 : 200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void reply(String event, String json) {
        replies.put(event, any -> json);
    }

    /** Replies to each {@code event} with what {@code reply} makes of its body (e.g. to echo a tool call id). */
    void reply(String event, java.util.function.Function<JsonNode, String> reply) {
        replies.put(event, reply);
    }

    void delay(Duration replyDelay) {
        this.delay = replyDelay;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> events() {
        return received.stream().map(Received::event).toList();
    }

    /** Waits (bounded) until {@code count} webhooks have arrived. */
    void await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
