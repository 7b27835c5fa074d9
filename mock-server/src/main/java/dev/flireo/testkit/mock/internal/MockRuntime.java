package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.mock.FlireoMockServer;
import dev.flireo.testkit.mock.MockClock;
import dev.flireo.testkit.mock.MockOptions;
import dev.flireo.testkit.mock.internal.calls.Billing;
import dev.flireo.testkit.mock.internal.calls.Calls;
import dev.flireo.testkit.mock.internal.calls.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The parts of a running mock and how they are wired: state, calls, the API, the admin API, the state file, the
 * proxy and {@link MockHttp}. {@link FlireoMockServer} is its public face; the admin API works on it directly.
 */
public final class MockRuntime {

    private static final System.Logger LOG = System.getLogger(MockRuntime.class.getName());

    /** Where the mock's admin API is served. */
    public static final String ADMIN_PREFIX = Admin.PREFIX;

    private final MockOptions options;
    private final List<String> apiKeys;
    private final MockClock clock;
    private final Runnable resetClock;
    private final StateStore store = new StateStore();
    private final MockContext ctx;
    private final Calls engine;
    private final CompletableFuture<MockApi> api;
    private final Deliveries deliveries;
    private final Admin admin = new Admin(this);
    private final StartState startState;
    private final MockHttp http;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flireo-mock-calls");
        t.setDaemon(true);
        return t;
    });
    /** Done once every request is served as configured: spec loaded, state restored, proxy installed. */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private volatile Proxy proxy;
    private volatile boolean enforceRateLimits;

    /** @param resetClock takes a manual clock back to its start (on {@link #reset()}) */
    public MockRuntime(MockOptions options, MockClock clock, Runnable resetClock) {
        this.options = options;
        this.clock = clock;
        this.resetClock = resetClock;
        this.deliveries = new Deliveries(options.onDelivery());
        this.enforceRateLimits = options.enforceRateLimits();
        this.ctx = new MockContext(store, clock::now);
        this.engine = new Calls(ctx, deliveries, options.webhookDialect());
        this.apiKeys = options.apiKeys();
        // Reading the specs and building WireMock are the slow parts of a start: do them side by side.
        this.api = CompletableFuture.supplyAsync(() -> new MockApi(ctx, engine, apiKeys, () -> enforceRateLimits));
        this.startState = new StartState(options, ctx, engine);
        this.http = new MockHttp(options, this::dispatch, this::refuse);
    }

    public void start() {
        startState.startWriting();
        http.start();
        try {
            MockApi served = api.join();
            if (options.proxyTo() != null) {
                proxy = new Proxy(
                        options.proxyTo(),
                        served,
                        options.recordTo(),
                        drift -> options.onDrift().accept(drift.toString()));
            }
            CompletableFuture.runAsync(served::warmUp);
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
            http.stop();
            throw e;
        }
        if (!clock.isManual()) {
            ticker.scheduleAtFixedRate(this::tickQuietly, 20, 20, TimeUnit.MILLISECONDS);
        }
        // Jetty listens from http.start() on (it starts beside the spec loading, to start sooner): until here
        // health says 503 and an API request waits, so none is answered before the proxy is in place.
        ready.complete(null);
    }

    /** Moves the live calls on to the clock's time. */
    public void tick() {
        engine.tick();
    }

    private void tickQuietly() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            // The next tick retries; a timer thread must not die on one bad call record.
            LOG.log(System.Logger.Level.WARNING, "a clock tick failed; the next one retries", e);
        }
    }

    /** A request the HTTP layer refused before dispatch, answered in the documented envelope of its path. */
    private HttpResult refuse(String method, String url, Map<String, String> headers, ApiError error) {
        return url.startsWith(Admin.PREFIX) ? Admin.error(error) : api().refuse(method, url, headers, error);
    }

    private HttpResult dispatch(String method, String url, Map<String, String> headers, byte[] body) {
        if (url.startsWith(Admin.PREFIX)) {
            String foreign = Admin.foreignOrigin(headers);
            return foreign == null ? admin.handle(method, url, body) : Admin.error(Admin.crossOrigin(foreign));
        }
        ready.join();
        return proxy != null ? proxy.handle(method, url, headers, body) : api().handle(method, url, headers, body);
    }

    /** See {@link FlireoMockServer#reset()}. */
    public void reset() {
        store.clear();
        resetClock.run();
        api().faults().clear();
        api().limiter().clear();
        deliveries.clear();
        startState.seed();
    }

    /** Replaces the whole state with a document in the export format; its live calls go on. */
    public void replaceState(JsonNode document) {
        store.replace(document);
        engine.adopt();
    }

    /** Adds the items of a document in the export format (same id = replaced). */
    public void loadState(JsonNode document) {
        store.load(document);
        engine.adopt();
    }

    public StateStore store() {
        return store;
    }

    public MockClock clock() {
        return clock;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public WireMockServer wireMock() {
        return http.wireMock();
    }

    public int port() {
        return http.port();
    }

    public String bindAddress() {
        return options.bindAddress();
    }

    public Dialect webhookDialect() {
        return options.webhookDialect();
    }

    /** A key the server accepts: the first configured one, else {@link FlireoMockServer#DEFAULT_API_KEY}. */
    public String apiKey() {
        return apiKeys.isEmpty() ? FlireoMockServer.DEFAULT_API_KEY : apiKeys.get(0);
    }

    public void enforceRateLimits(boolean enforce) {
        this.enforceRateLimits = enforce;
    }

    /** In proxy mode, the drifts seen so far; else none. */
    public List<Proxy.Drift> drifts() {
        return proxy == null ? List.of() : proxy.drifts();
    }

    Proxy proxy() {
        return proxy;
    }

    MockApi api() {
        return api.join();
    }

    /** Whether the start is complete, so that every request is served as configured. */
    boolean ready() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** What health reports beside its status: slow clients cut off, and a failing state file. */
    ObjectNode healthDetails() {
        ObjectNode out = Json.object().put("slow_clients_cut", http.slowClientsCut());
        String problem = startState.problem();
        if (problem != null) {
            out.put("state_file_problem", problem);
        }
        return out;
    }

    public ObjectNode startInbound(String number, String customer, Integer talkSeconds) {
        return api().calls().startInbound(number, customer, talkSeconds);
    }

    public void nextCallOutcome(String outcome, Duration talk) {
        engine.queueOutcome(new Outcome(outcome, talk));
    }

    public void setMinutesBalance(double minutes) {
        Billing.setMinutesBalance(ctx, minutes);
    }

    /** See {@link FlireoMockServer#shutdown(Duration)}; called once. */
    public FlireoMockServer.Shutdown shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long requests = http.drain(timeout);
        ticker.shutdownNow();
        List<String> abandoned = engine.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        String stateFileProblem = startState.close();
        http.stop();
        return new FlireoMockServer.Shutdown(requests, abandoned, stateFileProblem);
    }
}
