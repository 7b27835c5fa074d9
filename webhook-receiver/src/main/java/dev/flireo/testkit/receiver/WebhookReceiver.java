package dev.flireo.testkit.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A webhook endpoint for a test: it listens on a free port, records every delivery, answers as the integrator's
 * app would ({@code 200 {}} unless told otherwise) and lets the test wait for what it expects.
 *
 * <pre>{@code
 * try (WebhookReceiver receiver = WebhookReceiver.start().requireSignature(secret)) {
 *     receiver.reply("tool-calls", Reply.json("{\"results\":[...]}"));
 *     // point the assistant's webhook_url at receiver.url(), place a call ...
 *     ReceivedWebhook report = receiver.awaitEvent("end-of-call-report");
 *     assertThat(report.signedWith(secret)).isTrue();
 * }
 * }</pre>
 *
 * Every path is accepted; {@link #url()} names {@code /webhooks}. Each delivery is answered on its own thread, so a
 * slow reply ({@link Reply#after}) does not hold up the next.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How long the {@code await} methods wait unless given a timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Arrivals arrivals = new Arrivals();
    private final ReplyPolicy policy = new ReplyPolicy();

    private WebhookReceiver(InetSocketAddress address) {
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver on 127.0.0.1 and a free port. */
    public static WebhookReceiver start() {
        return new WebhookReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** A receiver on every interface and a free port: for senders in a container, which reach the host's gateway. */
    public static WebhookReceiver startOnAllInterfaces() {
        return new WebhookReceiver(new InetSocketAddress(0));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/webhooks}. */
    public String url() {
        return url("/webhooks");
    }

    /** This receiver's URL with {@code pathAndQuery}, e.g. {@code /hooks/tools?mode=reject}. */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port() + pathAndQuery;
    }

    /** Answers a delivery whose signature does not check out against {@code secret} with 401, as a careful app does. */
    public WebhookReceiver requireSignature(String secret) {
        policy.requireSignature(Objects.requireNonNull(secret, "secret"));
        return this;
    }

    /** Answers a delivery whose signature was seen before with 409: a replayed delivery. */
    public WebhookReceiver refuseReplays() {
        policy.refuseReplays();
        return this;
    }

    /** Answers every {@code event} delivery with {@code reply}. */
    public WebhookReceiver reply(String event, Reply reply) {
        return reply(event, any -> reply);
    }

    /** Answers every {@code event} delivery with what {@code reply} makes of it (e.g. echoing a tool call id). */
    public WebhookReceiver reply(String event, Function<ReceivedWebhook, Reply> reply) {
        policy.reply(Objects.requireNonNull(event, "event"), Objects.requireNonNull(reply, "reply"));
        return this;
    }

    /** Answers every delivery with {@code reply}, replacing the replies set per event. */
    public WebhookReceiver replyToAll(Reply reply) {
        return replyToAll(any -> reply);
    }

    /**
     * Answers every delivery with what {@code reply} makes of it, replacing the replies set per event. A function
     * that throws is answered with 400 naming the exception: an app that could not read what it got.
     */
    public WebhookReceiver replyToAll(Function<ReceivedWebhook, Reply> reply) {
        policy.replyToAll(Objects.requireNonNull(reply, "reply"));
        return this;
    }

    /** Every delivery so far, in the order they arrived. */
    public List<ReceivedWebhook> received() {
        return arrivals.all();
    }

    /** The event of every delivery so far, in order. */
    public List<String> events() {
        return received().stream().map(ReceivedWebhook::event).toList();
    }

    /** Forgets the deliveries so far. */
    public void clear() {
        arrivals.clear();
    }

    /** Waits until at least {@code count} deliveries arrived and returns all of them; fails after the timeout. */
    public List<ReceivedWebhook> awaitReceived(int count, Duration timeout) {
        return arrivals.await(all -> all.size() >= count, timeout, count + " deliveries");
    }

    public List<ReceivedWebhook> awaitReceived(int count) {
        return awaitReceived(count, DEFAULT_TIMEOUT);
    }

    /** Waits for the first delivery that {@code matching} accepts, including ones that arrived before. */
    public ReceivedWebhook awaitMatching(Predicate<ReceivedWebhook> matching, Duration timeout) {
        return arrivals.await(all -> all.stream().anyMatch(matching), timeout, "a matching delivery").stream()
                .filter(matching)
                .findFirst()
                .orElseThrow();
    }

    /** Waits for the first {@code event} delivery, e.g. {@code end-of-call-report}. */
    public ReceivedWebhook awaitEvent(String event) {
        return awaitMatching(delivery -> event.equals(delivery.event()), DEFAULT_TIMEOUT);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            URI uri = exchange.getRequestURI();
            ReceivedWebhook delivery = new ReceivedWebhook(
                    uri.getPath(),
                    uri.getRawQuery(),
                    headers,
                    exchange.getRequestBody().readAllBytes(),
                    Instant.now());
            arrivals.add(delivery);
            send(exchange, replyTo(delivery));
        } catch (IOException ignored) {
            // The sender gave up on this exchange (its timeout); there is no one left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing while a slow reply waited
        }
    }

    private Reply replyTo(ReceivedWebhook delivery) {
        try {
            return policy.replyTo(delivery);
        } catch (RuntimeException e) {
            return Reply.status(400, ReplyPolicy.error(e.toString()));
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        Thread.sleep(reply.delay().toMillis()); // the slow app this reply plays, not a wait in a test
        byte[] body = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
