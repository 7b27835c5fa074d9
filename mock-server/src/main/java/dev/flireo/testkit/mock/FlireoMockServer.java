package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.mock.internal.MockApi;
import dev.flireo.testkit.mock.internal.MockRuntime;
import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.simulator.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private final MockClock clock;
    private final MockRuntime runtime;
    private final MockState state;
    private final AtomicBoolean stopping = new AtomicBoolean();

    private FlireoMockServer(MockOptions options) {
        this.clock = options.manualClockStart() != null
                ? MockClock.manual(options.manualClockStart())
                : MockClock.scaled(options.timeScale());
        this.runtime = new MockRuntime(options, clock, clock::reset);
        clock.onAdvance(runtime::tick);
        this.state = new MockState(runtime);
    }

    /** The options of a new server; {@link MockOptions#start()} starts it. */
    public static MockOptions options() {
        return new MockOptions();
    }

    static FlireoMockServer start(MockOptions options) {
        FlireoMockServer server = new FlireoMockServer(options);
        server.runtime.start();
        return server;
    }

    /**
     * Back to the start state of a server without a state file (demo data and seed file; a manual clock back to
     * its start), faults, rate windows and the delivery log cleared. With a state file, the file follows.
     */
    public void reset() {
        runtime.reset();
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
        return rootUrl() + MockRuntime.ADMIN_PREFIX;
    }

    private String rootUrl() {
        String host = runtime.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : runtime.bindAddress();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return runtime.port();
    }

    /** The payload dialect of the live calls' webhooks (the banner and {@code GET /__flireo/health} say it too). */
    public Dialect webhookDialect() {
        return runtime.webhookDialect();
    }

    /** A key the server accepts: the first configured one, else {@link #DEFAULT_API_KEY}. */
    public String apiKey() {
        return runtime.apiKey();
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
        return runtime.deliveries().deliveries();
    }

    /**
     * Waits until at least {@code count} deliveries have been made and judged (webhooks are sent in the
     * background), then returns them all; fails after {@code timeout}.
     */
    public List<Delivery> awaitDeliveries(int count, Duration timeout) {
        return runtime.deliveries().await(count, timeout);
    }

    /** The prepaid balance in minutes; outbound calls answer 402 at zero or below. */
    public void setMinutesBalance(double minutes) {
        runtime.setMinutesBalance(minutes);
    }

    /**
     * Starts an inbound call from {@code customer} to a registered number (its id or E.164 number).
     *
     * @return the call id (e.g. {@code call-_+31612345678_Ab3...})
     */
    public String startInboundCall(String number, String customer) {
        return runtime.startInbound(number, customer, null).get("id").asText();
    }

    /** How the next outbound call ends: completed, no-answer, busy, voicemail or error, after {@code talk}. */
    public void nextCallOutcome(String outcome, Duration talk) {
        runtime.nextCallOutcome(outcome, talk);
    }

    /** In proxy mode, every difference between the traffic and the spec seen so far, oldest first. */
    public List<JsonNode> drifts() {
        return runtime.drifts().stream().map(d -> (JsonNode) d.toJson()).toList();
    }

    public void enforceRateLimits(boolean enforce) {
        runtime.enforceRateLimits(enforce);
    }

    /**
     * The embedded WireMock server, e.g. to add your own stubs or read its request journal. An escape hatch, not a
     * stable API: in the published jar WireMock is relocated to {@code dev.flireo.testkit.mock.shaded.wiremock} (so
     * that a project's dependency management cannot change the WireMock and Jetty the mock runs on), and this is
     * that relocated type; stub with the relocated {@code WireMock} helpers or over HTTP on {@code /__admin}.
     */
    public WireMockServer wireMock() {
        return runtime.wireMock();
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
        return runtime.shutdown(timeout);
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
}
