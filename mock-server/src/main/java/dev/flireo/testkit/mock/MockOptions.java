package dev.flireo.testkit.mock;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.simulator.Delivery;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configuration of a {@link FlireoMockServer}, from {@link FlireoMockServer#options()}; {@link #start()} starts it.
 * The one place the options are declared: {@link FlireoMockExtension} takes a whole one, {@link FlireoMockTest}'s
 * attributes and the CLI's flags are mapped onto one.
 */
public final class MockOptions {

    /**
     * The dialect of the live calls' webhooks unless told otherwise ({@link #webhookDialect}): the REST API the mock
     * serves is the HMS/VoiceDock one, whose SDK types its webhooks in snake_case ({@code tool_call_list},
     * {@code phone_number}), so a handler written from that SDK expects them so.
     */
    public static final Dialect DEFAULT_WEBHOOK_DIALECT = Dialect.VOICEDOCK;
    /** The default limit of a request body: 1 MiB, far above any documented request of the API. */
    public static final long DEFAULT_MAX_BODY_SIZE = 1 << 20;
    /** How long a request's headers may take to arrive, in all: a client sends them in one go. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** How long a request's body may take to arrive after its headers: 1 MiB at 50 KiB/s. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

    private int port = 0;
    private String bindAddress = "127.0.0.1";
    private final List<String> apiKeys = new ArrayList<>();
    private double timeScale = 1;
    private Instant manualStart;
    private Path seedFile;
    private Path stateFile;
    private Consumer<String> onWarning = warning -> {};
    private boolean demoData;
    private boolean enforceRateLimits;
    private int requestJournal;
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private URI proxyTo;
    private Path recordTo;
    private Consumer<String> onDrift = drift -> {};
    private Consumer<Delivery> onDelivery = delivery -> {};
    private Dialect webhookDialect = DEFAULT_WEBHOOK_DIALECT;

    MockOptions() {}

    /**
     * The payload dialect of every live call's webhooks: {@link Dialect#VOICEDOCK} (snake_case, the default: the
     * REST API the mock serves is the HMS/VoiceDock one, whose SDK types its webhooks so) or {@link Dialect#FLIREO}
     * (camelCase, the Flireo pages). Legacy is refused: the mock's calls are not legacy calls.
     */
    public MockOptions webhookDialect(Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        if (dialect == Dialect.LEGACY) {
            throw new IllegalArgumentException("the mock's live calls send flireo or voicedock webhooks, not "
                    + "legacy; replay legacy events with the webhook simulator");
        }
        this.webhookDialect = dialect;
        return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public MockOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        this.port = port;
        return this;
    }

    /** The address to listen on; 127.0.0.1 by default, 0.0.0.0 to be reachable from other hosts. */
    public MockOptions bindAddress(String address) {
        this.bindAddress = Objects.requireNonNull(address, "address");
        return this;
    }

    /** Accept only these keys (401 for any other); by default any non-empty key is accepted. */
    public MockOptions apiKeys(String... keys) {
        for (String key : keys) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("an API key must not be blank");
            }
            apiKeys.add(key.strip());
        }
        return this;
    }

    /** Speed of the mock clock relative to real time (10 = a 30 s call ends in 3 s). */
    public MockOptions timeScale(double scale) {
        MockClock.scaled(scale); // validates
        this.timeScale = scale;
        return this;
    }

    /** A clock that stands still until {@link MockClock#advance(Duration)}; starts at {@code start}. */
    public MockOptions manualClock(Instant start) {
        this.manualStart = Objects.requireNonNull(start, "start");
        return this;
    }

    /** A manual clock ({@link #manualClock(Instant)}) that starts now: time moves only when a test advances it. */
    public MockOptions manualClock() {
        return manualClock(Instant.now());
    }

    /** A state document (the export format of {@code GET /__flireo/state}) loaded at start and on reset. */
    public MockOptions seedFile(Path file) {
        this.seedFile = file;
        return this;
    }

    /**
     * Keep the whole state in this file (the format of {@code GET /__flireo/state}). When the file exists its state
     * is the start state and wins over {@link #demoData} and {@link #seedFile}, which only make the start state of a
     * new file (and of {@link FlireoMockServer#reset()}). The file is written 200 ms after a change (a burst of
     * changes is one write) and at {@link FlireoMockServer#stop()}, each time atomically. A file that cannot be read
     * or is not a mock state fails the start with a {@link StateFileException} and is left as it is.
     */
    public MockOptions stateFile(Path file) {
        this.stateFile = file;
        return this;
    }

    /** Called with a one-line description of a problem the server recovers from (e.g. a failed state write). */
    public MockOptions onWarning(Consumer<String> listener) {
        this.onWarning = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Start with the demo assistant, number and past calls. */
    public MockOptions demoData(boolean demo) {
        this.demoData = demo;
        return this;
    }

    /** Refuse requests over the documented limits with 429 (off by default). */
    public MockOptions enforceRateLimits(boolean enforce) {
        this.enforceRateLimits = enforce;
        return this;
    }

    /**
     * The largest request body accepted, in bytes ({@link #DEFAULT_MAX_BODY_SIZE} by default); a larger one, with
     * or without a Content-Length, is answered 413 without being buffered.
     */
    public MockOptions maxBodySize(long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "maxBodySize must be 0.." + (Integer.MAX_VALUE - 8) + " bytes, got " + bytes);
        }
        this.maxBodySize = bytes;
        return this;
    }

    /**
     * Total deadlines for a request's headers ({@link #DEFAULT_HEADER_TIMEOUT}) and, from their end, its body
     * ({@link #DEFAULT_BODY_TIMEOUT}). Jetty's idle timeout restarts with each byte; these do not. A client whose
     * headers are late is disconnected, one whose body is late (or shorter than its Content-Length) answered 408;
     * both are counted in {@code GET /__flireo/health} and reported to {@link #onWarning}.
     */
    public MockOptions requestTimeouts(Duration headers, Duration body) {
        if (headers.isNegative() || headers.isZero() || body.isNegative() || body.isZero()) {
            throw new IllegalArgumentException("request timeouts must be positive, got " + headers + " and " + body);
        }
        this.headerTimeout = headers;
        this.bodyTimeout = body;
        return this;
    }

    /**
     * Keep WireMock's request journal (for {@code wireMock().verify(...)} and {@code /__admin/requests}) with at
     * most this many requests. Off (0) by default: a bounded journal scans itself on every request, which took most
     * of the mock's CPU under load.
     */
    public MockOptions requestJournal(int entries) {
        this.requestJournal = entries;
        return this;
    }

    /**
     * Validating proxy: forward every API request unchanged to {@code upstream} (e.g. {@code https://api.flireo.com};
     * the request path, {@code /api/v1/...}, is appended) and log each drift from the spec instead of serving the
     * mock's own state.
     */
    public MockOptions proxyTo(URI upstream) {
        this.proxyTo = upstream;
        return this;
    }

    /** In proxy mode, save the resources seen in successful answers to this seed file. */
    public MockOptions recordTo(Path seedFile) {
        this.recordTo = seedFile;
        return this;
    }

    /** In proxy mode, called with a one-line description of each drift as it is found. */
    public MockOptions onDrift(Consumer<String> listener) {
        this.onDrift = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Called with each webhook delivery once it is made and judged. */
    public MockOptions onDelivery(Consumer<Delivery> listener) {
        this.onDelivery = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Starts a server with these options. */
    public FlireoMockServer start() {
        if (recordTo != null && proxyTo == null) {
            throw new IllegalArgumentException("recordTo needs proxyTo: only the proxy records exchanges");
        }
        if (seedFile != null && !Files.isReadable(seedFile)) {
            throw new IllegalArgumentException("seed file is not readable: " + seedFile);
        }
        return FlireoMockServer.start(this);
    }

    // What the server reads at its start (the setters above say what each one means).

    public int port() {
        return port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    /** The accepted keys; empty when any non-empty key is accepted. */
    public List<String> apiKeys() {
        return List.copyOf(apiKeys);
    }

    public double timeScale() {
        return timeScale;
    }

    /** The start of the manual clock; null for a scaled one. */
    public Instant manualClockStart() {
        return manualStart;
    }

    public Path seedFile() {
        return seedFile;
    }

    public Path stateFile() {
        return stateFile;
    }

    public Consumer<String> onWarning() {
        return onWarning;
    }

    public boolean demoData() {
        return demoData;
    }

    public boolean enforceRateLimits() {
        return enforceRateLimits;
    }

    public int requestJournal() {
        return requestJournal;
    }

    public long maxBodySize() {
        return maxBodySize;
    }

    public Duration headerTimeout() {
        return headerTimeout;
    }

    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    public URI proxyTo() {
        return proxyTo;
    }

    public Path recordTo() {
        return recordTo;
    }

    public Consumer<String> onDrift() {
        return onDrift;
    }

    public Consumer<Delivery> onDelivery() {
        return onDelivery;
    }

    public Dialect webhookDialect() {
        return webhookDialect;
    }
}
