package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * POSTs webhook deliveries exactly as the platform does and judges each reply: headers {@code Content-Type},
 * {@code User-Agent: HMS-Sovereign/1.0}, {@code X-Webhook-Event}, {@code X-Webhook-Timestamp} (Unix seconds) and,
 * when a secret is set, {@code X-Webhook-Signature: sha256=<hex>}; 5 s to answer an assistant-request, 10 s a
 * tool-calls (and, undocumented, 10 s for the others), each a deadline for the whole reply. A failing target
 * (refused, hung, reset or closed, slow, not HTTP, TLS, a reply over {@link #MAX_REPLY_BYTES}) gives a
 * {@link Delivery} with an {@code error} and a failed verdict, never an exception, and never waits more than 1 s
 * past the deadline.
 *
 * <pre>{@code
 * WebhookSender sender = WebhookSender.builder().dialect(Dialect.FLIREO).secret("whsec_...").build();
 * Delivery delivery = sender.send(URI.create("http://127.0.0.1:8080/hook"), EventType.STATUS_UPDATE, body);
 * }</pre>
 *
 * Thread-safe; share one sender for many concurrent calls (it keeps one HTTP/1.1 connection pool).
 */
public final class WebhookSender {

    /**
     * The most of a reply body the sender reads; a longer reply fails as "reply too large" and its connection is
     * closed, so a receiver cannot exhaust the memory of a run (or of the mock server) with an endless answer.
     */
    public static final int MAX_REPLY_BYTES = 1024 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Time allowed after the reply deadline before an exchange is abandoned, so that a reply finishing just late is
     * judged "answered after 5200 ms" rather than "no answer". The client's request timeout ends at the deadline for
     * the status line and headers, but not for the body: this total bound is what stops a dripping body.
     */
    private static final Duration GRACE = Duration.ofSeconds(1);

    /**
     * Few threads for many connections: rendering, signing and judging are short, and fewer thread hand-offs
     * roughly double throughput on a small machine compared with the client's default cached pool.
     */
    private static final ExecutorService EXECUTOR =
            Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "flireo-webhook-sender");
                thread.setDaemon(true);
                return thread;
            });

    private final HttpClient client;
    private final String secret;
    private final ReplyJudge judge;
    private final Clock clock;

    private WebhookSender(Builder builder) {
        this.client = HttpClient.newBuilder()
                .executor(EXECUTOR)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.secret = builder.secret;
        this.judge = builder.judge != null ? builder.judge : ReplyJudge.of(builder.dialect);
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How long the platform waits for the reply to this event. */
    public static Duration timeout(EventType event) {
        return event == EventType.ASSISTANT_REQUEST ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
    }

    public ReplyJudge judge() {
        return judge;
    }

    /** The request the platform would send now for this body, signed when a secret is set. */
    public WebhookRequest request(URI target, EventType event, byte[] body) {
        return WebhookRequest.of(target, event, body, secret, clock.instant().getEpochSecond());
    }

    /** The request the platform would send for this body with this {@code X-Webhook-Timestamp} (Unix seconds). */
    public WebhookRequest request(URI target, EventType event, byte[] body, long timestamp) {
        return WebhookRequest.of(target, event, body, secret, timestamp);
    }

    /** Signs and sends one event and waits for the judged delivery. */
    public Delivery send(URI target, EventType event, byte[] body) {
        return sendAsync(request(target, event, body)).join();
    }

    public CompletableFuture<Delivery> sendAsync(URI target, EventType event, byte[] body) {
        return sendAsync(request(target, event, body));
    }

    /** Sends a request exactly as given (e.g. a deliberately tampered one) and judges the reply. */
    public CompletableFuture<Delivery> sendAsync(WebhookRequest request) {
        Duration timeout = timeout(request.event());
        HttpRequest.Builder http = HttpRequest.newBuilder(request.target())
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::setHeader);
        long start = System.nanoTime();
        ReplyReader reply = new ReplyReader(MAX_REPLY_BYTES);
        CompletableFuture<HttpResponse<ReplyReader.Body>> exchange;
        try {
            exchange = client.sendAsync(http.build(), reply);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failed(request, start, 0, "cannot send: " + e.getMessage()));
        }
        return exchange.orTimeout(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        reply.abandon();
                        exchange.cancel(true);
                        return failed(
                                request,
                                start,
                                reply.status(),
                                ExchangeFailure.describe(failure, request.target(), timeout, CONNECT_TIMEOUT, reply));
                    }
                    if (response.body().tooLarge()) {
                        return failed(request, start, response.statusCode(), ExchangeFailure.tooLarge(reply));
                    }
                    return new Delivery(
                            request, response.statusCode(), response.body().bytes(), since(start), null, null);
                })
                .thenApply(delivery -> delivery.withVerdict(judge.judge(delivery)));
    }

    private static Delivery failed(WebhookRequest request, long start, int status, String error) {
        return new Delivery(request, status, new byte[0], since(start), error, null);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Settings of a {@link WebhookSender}. */
    public static final class Builder {
        private String secret;
        private Dialect dialect = Dialect.FLIREO;
        private ReplyJudge judge;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The {@code webhook_secret}; {@code null} (the default) sends no signature, as the platform does. */
        public Builder secret(String webhookSecret) {
            this.secret = webhookSecret;
            return this;
        }

        /** The dialect whose reply contracts judge the replies (default Flireo); ignored when a judge is set. */
        public Builder dialect(Dialect replyDialect) {
            this.dialect = Objects.requireNonNull(replyDialect, "dialect");
            return this;
        }

        public Builder judge(ReplyJudge replyJudge) {
            this.judge = replyJudge;
            return this;
        }

        /** The clock for {@code X-Webhook-Timestamp}. */
        public Builder clock(Clock timestampClock) {
            this.clock = Objects.requireNonNull(timestampClock, "clock");
            return this;
        }

        public WebhookSender build() {
            return new WebhookSender(this);
        }
    }
}
