package dev.flireo.testkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.mock.internal.ApiError;
import dev.flireo.testkit.mock.internal.Deliveries;
import dev.flireo.testkit.mock.internal.DirectDispatch;
import dev.flireo.testkit.mock.internal.DispatchTransformer;
import dev.flireo.testkit.mock.internal.GracefulJetty;
import dev.flireo.testkit.mock.internal.HttpResult;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.LazyHttpClientFactory;
import dev.flireo.testkit.mock.internal.MockApi;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.RequestGuard;
import dev.flireo.testkit.mock.internal.Seeds;
import dev.flireo.testkit.mock.internal.SlowClients;
import dev.flireo.testkit.mock.internal.StateFile;
import dev.flireo.testkit.mock.internal.StateStore;
import dev.flireo.testkit.mock.internal.calls.Calls;
import dev.flireo.testkit.mock.internal.calls.Outcome;
import dev.flireo.testkit.mock.internal.StateWriter;
import dev.flireo.testkit.mock.internal.Proxy;
import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.simulator.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A stateful, spec-validated fake of the Flireo API on an embedded WireMock server.
 *
 * <pre>{@code
 * try (FlireoMockServer mock = FlireoMockServer.options().start()) {
 *     HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/assistants"))
 *         .header("Authorization", "Bearer " + mock.apiKey()) ...
 * }
 * }</pre>
 *
 * The Flireo API is served under {@code /api/v1}, the legacy Dutch API under {@code /v1}, the mock's admin API
 * under {@code /__flireo/} and WireMock's own admin API under {@code /__admin}.
 */
public final class FlireoMockServer implements AutoCloseable {

    /** The key {@link #apiKey()} returns when any key is accepted. */
    public static final String DEFAULT_API_KEY = "fl_test_flireo_mock";
    /**
     * The dialect of the live calls' webhooks unless told otherwise ({@link Options#webhookDialect}): the REST API
     * the mock serves is the HMS/VoiceDock one, whose SDK types its webhooks in snake_case ({@code tool_call_list},
     * {@code phone_number}), so a handler written from that SDK expects them so.
     */
    public static final Dialect DEFAULT_WEBHOOK_DIALECT = Dialect.VOICEDOCK;
    /** The default limit of a request body: 1 MiB, far above any documented request of the API. */
    public static final long DEFAULT_MAX_BODY_SIZE = 1 << 20;
    /** How long a request's headers may take to arrive, in all: a client sends them in one go. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** How long a request's body may take to arrive after its headers: 1 MiB at 50 KiB/s. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

    private final Options options;
    private final StateStore store = new StateStore();
    private final MockClock clock;
    private final MockContext ctx;
    private final Calls engine;
    private final CompletableFuture<MockApi> api;
    private final Deliveries deliveries;
    private final MockState state;
    private final WireMockServer wireMock;
    private final ScheduledExecutorService ticker;
    private final Admin admin;
    private final GracefulJetty http;
    private final StateWriter stateWriter;
    private final SlowClients slowClients;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Done once every request is served as configured: spec loaded, state restored, proxy installed. */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Proxy proxy;
    private volatile boolean enforceRateLimits;

    private FlireoMockServer(Options options) {
        this.options = options;
        this.deliveries = new Deliveries(options.onDelivery);
        this.clock = options.manualStart != null ? MockClock.manual(options.manualStart) : MockClock.scaled(options.timeScale);
        this.enforceRateLimits = options.enforceRateLimits;
        this.ctx = new MockContext(store, clock::now);
        this.engine = new Calls(ctx, deliveries, options.webhookDialect);
        // Reading the specs and building WireMock are the slow parts of a start: do them side by side.
        this.api = CompletableFuture.supplyAsync(() -> new MockApi(ctx, engine, options.apiKeys, () -> enforceRateLimits));
        this.state = new MockState(store, this::reset, engine::adopt);
        this.admin = new Admin(this);
        clock.onAdvance(engine::tick);
        StateFile stateFile = options.stateFile == null ? null : new StateFile(options.stateFile);
        if (!restore(stateFile)) {
            seed();
        }
        this.stateWriter = stateFile == null ? null : new StateWriter(store, stateFile, options.onWarning);
        List<String> prefixes = List.of(MockApi.FLIREO_PREFIX, MockApi.LEGACY_PREFIX, Admin.PREFIX);
        DirectDispatch direct = new DirectDispatch(this::dispatch, options.journalEntries > 0, prefixes.size());
        // The guard first: it bounds and checks each request before the mock or WireMock reads it.
        this.slowClients = new SlowClients(options.headerTimeout, options.bodyTimeout, options.onWarning);
        RequestGuard guard = new RequestGuard(options.maxBodySize, prefixes, this::refuse, slowClients);
        this.http = new GracefulJetty(context -> {
            guard.addTo(context);
            direct.addTo(context);
        }, guard::errorPages, slowClients::watch);
        WireMockConfiguration config = WireMockConfiguration.options()
                .port(options.port)
                .bindAddress(options.bindAddress)
                .notifier(new ConsoleNotifier(false))
                .containerThreads(options.containerThreads)
                .jettyAcceptors(Math.min(2, Runtime.getRuntime().availableProcessors()))
                .stubRequestLoggingDisabled(true)
                .templatingEnabled(false)
                .disableOptimizeXmlFactoriesLoading(true)
                // HTTP/1.1 only: the platform speaks it, and WireMock's connection faults cannot break an h2c stream.
                .http2PlainDisabled(true)
                .httpServerFactory(http)
                .extensions(new DispatchTransformer(this::dispatch), new LazyHttpClientFactory(), direct);
        if (options.journalEntries > 0) {
            config.maxRequestJournalEntries(options.journalEntries);
        } else {
            config.disableRequestJournal();
        }
        this.wireMock = new WireMockServer(config);
        for (String prefix : prefixes) {
            wireMock.stubFor(any(urlPathMatching(prefix.replace("/", "\\/") + "(/.*)?"))
                    .willReturn(aResponse().withTransformers(DispatchTransformer.NAME)));
        }
        direct.countStubsWith(() -> wireMock.getStubMappings().size());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flireo-mock-calls");
            t.setDaemon(true);
            return t;
        });
    }

    public static Options options() {
        return new Options();
    }

    private FlireoMockServer start() {
        if (stateWriter != null) {
            try {
                stateWriter.start();
            } catch (IOException e) {
                throw new StateFileException(options.stateFile, "cannot write state file " + options.stateFile + ": " + e, e);
            }
        }
        wireMock.start();
        try {
            MockApi ready = api.join();
            if (options.proxyTo != null) {
                proxy = new Proxy(options.proxyTo, ready, options.recordTo, drift -> options.onDrift.accept(drift.toString()));
            }
            CompletableFuture.runAsync(ready::warmUp);
        } catch (RuntimeException e) {
            this.ready.completeExceptionally(e);
            wireMock.stop();
            throw e;
        }
        if (!clock.isManual()) {
            ticker.scheduleAtFixedRate(this::tickQuietly, 20, 20, TimeUnit.MILLISECONDS);
        }
        // Jetty listens from wireMock.start() on (it starts beside the spec loading, to start sooner): until here
        // health says 503 and an API request waits, so none is answered before the proxy is in place.
        this.ready.complete(null);
        return this;
    }

    private void tickQuietly() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            // The next tick retries; a timer thread must not die on one bad call record.
        }
    }

    /** A request the HTTP layer refused before dispatch, answered in the documented envelope of its path. */
    private HttpResult refuse(String method, String url, Map<String, String> headers, ApiError error) {
        return url.startsWith(Admin.PREFIX) ? Admin.error(error) : api().refuse(method, url, headers, error);
    }

    private HttpResult dispatch(String method, String url, Map<String, String> headers, byte[] body) {
        if (url.startsWith(Admin.PREFIX)) {
            return admin.handle(method, url, body);
        }
        ready.join();
        return proxy != null ? proxy.handle(method, url, headers, body) : api().handle(method, url, headers, body);
    }

    /** What health reports beside its status: slow clients cut off, and a failing state file. */
    com.fasterxml.jackson.databind.node.ObjectNode healthDetails() {
        com.fasterxml.jackson.databind.node.ObjectNode out = Json.object().put("slow_clients_cut", slowClients.cut());
        String problem = stateWriter == null ? null : stateWriter.problem();
        if (problem != null) {
            out.put("state_file_problem", problem);
        }
        return out;
    }

    /** Whether the start is complete, so that every request is served as configured. */
    boolean ready() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** The state file's state, when there is a file; a file that cannot be used stops the start, untouched. */
    private boolean restore(StateFile file) {
        try {
            if (file == null || !file.loadInto(store)) {
                return false;
            }
        } catch (IllegalStateException e) {
            throw new StateFileException(options.stateFile, e.getMessage(), e.getCause());
        }
        engine.adopt();
        return true;
    }

    private void seed() {
        if (options.demoData) {
            Seeds.demo(ctx);
        }
        if (options.seedFile != null) {
            try {
                store.load(Json.parse(Files.readString(options.seedFile)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read seed file " + options.seedFile, e);
            }
        }
        engine.adopt();
    }

    /**
     * Back to the start state of a server without a state file (demo data and seed file; a manual clock back to
     * its start), faults, rate windows and the delivery log cleared. With a state file, the file follows.
     */
    public void reset() {
        store.clear();
        clock.reset();
        api().faults().clear();
        api().limiter().clear();
        deliveries.clear();
        seed();
    }

    /** {@code http://127.0.0.1:PORT/api/v1}: point the code under test here. */
    public String baseUrl() {
        return rootUrl() + MockApi.FLIREO_PREFIX;
    }

    /** {@code http://127.0.0.1:PORT/v1}: the legacy Dutch API. */
    public String legacyBaseUrl() {
        return rootUrl() + MockApi.LEGACY_PREFIX;
    }

    /** {@code http://127.0.0.1:PORT/__flireo}: the mock's admin API. */
    public String adminUrl() {
        return rootUrl() + Admin.PREFIX;
    }

    private String rootUrl() {
        String host = options.bindAddress.equals("0.0.0.0") ? "127.0.0.1" : options.bindAddress;
        return "http://" + host + ":" + port();
    }

    public int port() {
        return wireMock.port();
    }

    /** The payload dialect of the live calls' webhooks (the banner and {@code GET /__flireo/health} say it too). */
    public Dialect webhookDialect() {
        return options.webhookDialect;
    }

    /** A key the server accepts: the first configured one, else {@link #DEFAULT_API_KEY}. */
    public String apiKey() {
        return options.apiKeys.isEmpty() ? DEFAULT_API_KEY : options.apiKeys.get(0);
    }

    /**
     * A new generated client on {@link #baseUrl()} that sends {@code Authorization: Bearer} {@link #apiKey()}: pass
     * it to any {@code *Api} class, e.g. {@code new AssistantsApi(flireo.client())}.
     */
    public ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl());
        String bearer = "Bearer " + apiKey();
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    public MockState state() {
        return state;
    }

    public MockClock clock() {
        return clock;
    }

    /**
     * Every webhook delivery so far, oldest first: the simulator's {@link Delivery} (request as sent, reply status
     * and body, latency, verdict).
     */
    public List<Delivery> deliveries() {
        return deliveries.list().stream().map(Deliveries.Entry::delivery).toList();
    }

    /**
     * Waits until at least {@code count} deliveries have been made and judged (webhooks are sent in the
     * background), then returns them all; fails after {@code timeout}.
     */
    public List<Delivery> awaitDeliveries(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveries.list().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("expected " + count + " webhook deliveries within " + timeout
                        + ", got " + deliveries.list().size() + ": " + deliveries());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
            }
        }
        return deliveries();
    }

    /** The prepaid balance in minutes; outbound calls answer 402 at zero or below. */
    public void setMinutesBalance(double minutes) {
        admin.setMinutesBalance(minutes);
    }

    /**
     * Starts an inbound call from {@code customer} to a registered number (its id or E.164 number).
     *
     * @return the call id (e.g. {@code call-_+31612345678_Ab3...})
     */
    public String startInboundCall(String number, String customer) {
        return admin.startInbound(number, customer, null).get("id").asText();
    }

    /** How the next outbound call ends: completed, no-answer, busy, voicemail or error, after {@code talk}. */
    public void nextCallOutcome(String outcome, Duration talk) {
        engine.queueOutcome(new Outcome(outcome, talk));
    }

    /** In proxy mode, every difference between the traffic and the spec seen so far, oldest first. */
    public List<JsonNode> drifts() {
        return proxy == null ? List.of() : proxy.drifts().stream().map(d -> (JsonNode) d.toJson()).toList();
    }

    Proxy proxy() {
        return proxy;
    }

    public void enforceRateLimits(boolean enforce) {
        this.enforceRateLimits = enforce;
    }

    boolean rateLimitsEnforced() {
        return enforceRateLimits;
    }

    /**
     * The embedded WireMock server, e.g. to add your own stubs or read its request journal. An escape hatch, not a
     * stable API: in the published jar WireMock is relocated to {@code dev.flireo.testkit.mock.shaded.wiremock} (so
     * that a project's dependency management cannot change the WireMock and Jetty the mock runs on), and this is
     * that relocated type; stub with the relocated {@code WireMock} helpers or over HTTP on {@code /__admin}.
     */
    public WireMockServer wireMock() {
        return wireMock;
    }

    MockApi api() {
        return api.join();
    }

    MockContext context() {
        return ctx;
    }

    Deliveries deliveryLog() {
        return deliveries;
    }

    /**
     * Stops at once: requests in flight are cut and queued webhook deliveries dropped, but the state file (when
     * there is one) is written. {@link #shutdown(Duration)} is the graceful way.
     */
    public void stop() {
        shutdown(Duration.ZERO);
    }

    /**
     * Stops gracefully, within {@code timeout} plus the time the last write of the state file takes: no new
     * connection is accepted (a request on an open one gets 503), the requests in flight finish, calls stop moving,
     * the webhook deliveries already queued are made, the state file is written, and the server stops. Whatever
     * was not finished when the time ran out is cut, and reported. A second call does nothing.
     */
    public Shutdown shutdown(Duration timeout) {
        if (!stopping.compareAndSet(false, true)) {
            return new Shutdown(0, List.of(), null);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long requests = wireMock.isRunning() ? http.drain(timeout) : 0;
        ticker.shutdownNow();
        List<String> deliveries = engine.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        String stateFileProblem = null;
        if (stateWriter != null) {
            try {
                stateWriter.close();
            } catch (IOException | RuntimeException e) {
                stateFileProblem = "cannot write state file " + options.stateFile + ": " + e;
            }
        }
        if (wireMock.isRunning()) {
            wireMock.stop();
        }
        return new Shutdown(requests, deliveries, stateFileProblem);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * What a {@link #shutdown(Duration)} could not finish.
     *
     * @param unfinishedRequests  HTTP requests still in flight when the time ran out, cut
     * @param abandonedDeliveries webhook deliveries not made in time, e.g. {@code end-of-call-report of call
     *                            call-outbound-Ab3... to http://127.0.0.1:3000/webhooks}
     * @param stateFileProblem    why the last write of the state file failed; null when it was written or there is none
     */
    public record Shutdown(long unfinishedRequests, List<String> abandonedDeliveries, String stateFileProblem) {
        public boolean complete() {
            return unfinishedRequests == 0 && abandonedDeliveries.isEmpty() && stateFileProblem == null;
        }
    }

    /** Configuration of a {@link FlireoMockServer}; {@link #start()} starts it. */
    public static final class Options {
        private int port = 0;
        private String bindAddress = "127.0.0.1";
        private final List<String> apiKeys = new ArrayList<>();
        private double timeScale = 1;
        private Instant manualStart;
        private Path seedFile;
        private Path stateFile;
        private Consumer<String> onWarning = warning -> { };
        private boolean demoData;
        private boolean enforceRateLimits;
        private int journalEntries;
        private int containerThreads = 32;
        private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
        private URI proxyTo;
        private Path recordTo;
        private Consumer<String> onDrift = drift -> { };
        private Consumer<Delivery> onDelivery = delivery -> { };
        private Dialect webhookDialect = DEFAULT_WEBHOOK_DIALECT;

        private Options() {
        }

        /**
         * The payload dialect of every live call's webhooks: {@link Dialect#VOICEDOCK} (snake_case, the default:
         * the REST API the mock serves is the HMS/VoiceDock one, whose SDK types its webhooks so) or
         * {@link Dialect#FLIREO} (camelCase, the Flireo pages). Legacy is refused: the mock's calls are not legacy
         * calls.
         */
        public Options webhookDialect(Dialect dialect) {
            Objects.requireNonNull(dialect, "dialect");
            if (dialect == Dialect.LEGACY) {
                throw new IllegalArgumentException("the mock's live calls send flireo or voicedock webhooks, not "
                        + "legacy; replay legacy events with the webhook simulator");
            }
            this.webhookDialect = dialect;
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Options port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on; 127.0.0.1 by default, 0.0.0.0 to be reachable from other hosts. */
        public Options bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Accept only these keys (401 for any other); by default any non-empty key is accepted. */
        public Options apiKeys(String... keys) {
            for (String key : keys) {
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException("an API key must not be blank");
                }
                apiKeys.add(key.strip());
            }
            return this;
        }

        /** Speed of the mock clock relative to real time (10 = a 30 s call ends in 3 s). */
        public Options timeScale(double scale) {
            MockClock.scaled(scale); // validates
            this.timeScale = scale;
            return this;
        }

        /** A clock that stands still until {@link MockClock#advance(Duration)}; starts at {@code start}. */
        public Options manualClock(Instant start) {
            this.manualStart = Objects.requireNonNull(start, "start");
            return this;
        }

        /** A state document (the export format of {@code GET /__flireo/state}) loaded at start and on reset. */
        public Options seedFile(Path file) {
            this.seedFile = file;
            return this;
        }

        /**
         * Keep the whole state in this file (the format of {@code GET /__flireo/state}). When the file exists its
         * state is the start state and wins over {@link #demoData} and {@link #seedFile}, which only make the start
         * state of a new file (and of {@link FlireoMockServer#reset()}). The file is written 200 ms after a change
         * (a burst of changes is one write) and at {@link FlireoMockServer#stop()}, each time atomically. A file that
         * cannot be read or is not a mock state fails the start with a {@link StateFileException} and is left as
         * it is.
         */
        public Options stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        /** Called with a one-line description of a problem the server recovers from (e.g. a failed state write). */
        public Options onWarning(Consumer<String> listener) {
            this.onWarning = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Start with the demo assistant, number and past calls. */
        public Options demoData(boolean demo) {
            this.demoData = demo;
            return this;
        }

        /** Refuse requests over the documented limits with 429 (off by default). */
        public Options enforceRateLimits(boolean enforce) {
            this.enforceRateLimits = enforce;
            return this;
        }

        /**
         * The largest request body accepted, in bytes ({@link #DEFAULT_MAX_BODY_SIZE} by default); a larger one,
         * with or without a Content-Length, is answered 413 without being buffered.
         */
        public Options maxBodySize(long bytes) {
            if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxBodySize must be 0.." + (Integer.MAX_VALUE - 8) + " bytes, got " + bytes);
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * Total deadlines for a request's headers ({@link #DEFAULT_HEADER_TIMEOUT}) and, from their end, its body
         * ({@link #DEFAULT_BODY_TIMEOUT}). Jetty's idle timeout restarts with each byte; these do not. A client
         * whose headers are late is disconnected, one whose body is late (or shorter than its Content-Length)
         * answered 408; both are counted in {@code GET /__flireo/health} and reported to {@link #onWarning}.
         */
        public Options requestTimeouts(Duration headers, Duration body) {
            if (headers.isNegative() || headers.isZero() || body.isNegative() || body.isZero()) {
                throw new IllegalArgumentException("request timeouts must be positive, got " + headers + " and " + body);
            }
            this.headerTimeout = headers;
            this.bodyTimeout = body;
            return this;
        }

        /**
         * Keep WireMock's request journal (for {@code wireMock().verify(...)} and {@code /__admin/requests}) with
         * at most this many requests. Off (0) by default: a bounded journal scans itself on every request, which
         * took most of the mock's CPU under load.
         */
        public Options requestJournal(int entries) {
            this.journalEntries = entries;
            return this;
        }

        /**
         * Validating proxy: forward every API request unchanged to {@code upstream} (e.g.
         * {@code https://api.flireo.com}; the request path, {@code /api/v1/...}, is appended) and log each drift
         * from the spec instead of serving the mock's own state.
         */
        public Options proxyTo(URI upstream) {
            this.proxyTo = upstream;
            return this;
        }

        /** In proxy mode, save the resources seen in successful answers to this seed file. */
        public Options recordTo(Path seedFile) {
            this.recordTo = seedFile;
            return this;
        }

        /** In proxy mode, called with a one-line description of each drift as it is found. */
        public Options onDrift(Consumer<String> listener) {
            this.onDrift = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Called with each webhook delivery once it is made and judged. */
        public Options onDelivery(Consumer<Delivery> listener) {
            this.onDelivery = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public FlireoMockServer start() {
            if (recordTo != null && proxyTo == null) {
                throw new IllegalArgumentException("recordTo needs proxyTo: only the proxy records exchanges");
            }
            if (seedFile != null && !Files.isReadable(seedFile)) {
                throw new IllegalArgumentException("seed file is not readable: " + seedFile);
            }
            return new FlireoMockServer(this).start();
        }
    }
}
