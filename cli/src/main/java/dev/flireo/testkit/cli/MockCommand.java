package dev.flireo.testkit.cli;

import dev.flireo.testkit.mock.FlireoMockServer;
import dev.flireo.testkit.mock.MockOptions;
import dev.flireo.testkit.mock.StateFileException;
import dev.flireo.testkit.simulator.Redaction;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flireo mock}: runs the stateful mock of the Flireo API until Ctrl-C or SIGTERM, then stops gracefully. */
@Command(
        name = "mock",
        mixinStandardHelpOptions = true,
        description = {
            "Run a stateful, spec-validated fake of the Flireo API (/api/v1), the legacy API (/v1) and an "
                    + "admin API (/__flireo) until Ctrl-C or SIGTERM.",
            "Every option can also come from the environment " + "variable named in brackets.",
            "On Ctrl-C or SIGTERM it stops accepting connections, lets requests in flight finish and queued webhook "
                    + "deliveries go out (at most --shutdown-timeout, then names what it abandoned), writes the state file "
                    + "and exits."
        })
final class MockCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "${env:FLIREO_PORT:-8080}",
            description = "Port to listen on; 0 picks a free one (FLIREO_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "${env:FLIREO_HOST:-127.0.0.1}",
            description =
                    "Address to listen on; 0.0.0.0 for other hosts, e.g. in a container (FLIREO_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--seed",
            paramLabel = "FILE",
            defaultValue = "${env:FLIREO_SEED}",
            description = "Seed file (the format of GET /__flireo/state) to start from, instead of the demo data; only "
                    + "read (FLIREO_SEED).")
    Path seed;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            split = ",",
            defaultValue = "${env:FLIREO_API_KEYS}",
            description =
                    "Accept only these keys (repeatable or comma-separated; FLIREO_API_KEYS). Default: any non-empty key.")
    List<String> apiKeys = new ArrayList<>();

    @Option(
            names = "--time-scale",
            paramLabel = "X",
            defaultValue = "${env:FLIREO_TIME_SCALE:-1}",
            description =
                    "Speed of the call clock: 10 makes a 30 s call end in 3 s (FLIREO_TIME_SCALE; default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(
            names = "--webhook-dialect",
            paramLabel = "DIALECT",
            defaultValue = "${env:FLIREO_WEBHOOK_DIALECT:-voicedock}",
            description =
                    "Payload dialect of the live calls' webhooks: voicedock (snake_case, as the HMS/VoiceDock SDK "
                            + "types them) or flireo (camelCase, as the Flireo pages) (FLIREO_WEBHOOK_DIALECT; default "
                            + "${DEFAULT-VALUE}).")
    String webhookDialect;

    @Option(
            names = "--max-body-size",
            paramLabel = "SIZE",
            defaultValue = "${env:FLIREO_MAX_BODY_SIZE:-1MiB}",
            description = "Largest request body accepted, in bytes or with KiB/MiB; larger ones get 413 "
                    + "(FLIREO_MAX_BODY_SIZE; default ${DEFAULT-VALUE}).")
    String maxBodySize;

    @Option(
            names = "--state-file",
            paramLabel = "FILE",
            defaultValue = "${env:FLIREO_STATE_FILE}",
            description = "Keep the whole state in FILE (FLIREO_STATE_FILE): restored at start when it exists (it then "
                    + "wins over --seed and the demo data, which only make the state of a new file), written "
                    + "atomically 200 ms after changes and on stop. A file that is not a mock state stops the start "
                    + "(exit 2) and is left as it is.")
    Path stateFile;

    @Option(
            names = "--shutdown-timeout",
            paramLabel = "SECONDS",
            defaultValue = "${env:FLIREO_SHUTDOWN_TIMEOUT:-5}",
            description = "On Ctrl-C or SIGTERM, wait at most this long for requests in flight and queued webhook "
                    + "deliveries before writing the state file and exiting (FLIREO_SHUTDOWN_TIMEOUT; default "
                    + "${DEFAULT-VALUE}, well inside docker stop's 10 s).")
    double shutdownTimeout;

    @Option(
            names = "--header-timeout",
            paramLabel = "SECONDS",
            defaultValue = "${env:FLIREO_HEADER_TIMEOUT:-10}",
            description = "A request's headers must arrive within this long in all, or the connection is closed "
                    + "(FLIREO_HEADER_TIMEOUT; default ${DEFAULT-VALUE}).")
    double headerTimeout;

    @Option(
            names = "--body-timeout",
            paramLabel = "SECONDS",
            defaultValue = "${env:FLIREO_BODY_TIMEOUT:-20}",
            description = "A request's body must arrive within this long after its headers, or it is answered 408 "
                    + "(FLIREO_BODY_TIMEOUT; default ${DEFAULT-VALUE}).")
    double bodyTimeout;

    @Option(
            names = "--no-demo-data",
            description = "Start empty instead of with a demo assistant, number and past calls.")
    boolean noDemoData;

    @Option(
            names = "--enforce-rate-limits",
            description = "Answer 429 over 100 requests/min per key and 10 control "
                    + "commands/min per call (default off, so test suites are never throttled).")
    boolean enforceRateLimits;

    @Option(
            names = "--proxy-to",
            paramLabel = "URL",
            description = "Validating proxy: forward every request to this "
                    + "API (e.g. https://api.flireo.com), check both directions against the spec and print each drift.")
    URI proxyTo;

    @Option(
            names = "--record-to",
            paramLabel = "FILE",
            description = "With --proxy-to: save the resources seen as a seed file.")
    Path recordTo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (problem != null) {
            err.println("flireo mock: " + problem);
            return 2;
        }
        long start = System.nanoTime();
        boolean restoring = stateFile != null && Files.exists(stateFile);
        FlireoMockServer server;
        try {
            server = options(out, err).start();
        } catch (StateFileException e) {
            err.println("flireo mock: " + e.getMessage()
                    + (restoring ? " (fix or remove the file; it was left as it is)" : ""));
            return 2;
        } catch (RuntimeException e) {
            err.println("flireo mock: cannot start: " + rootMessage(e));
            return 2;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        printBanner(out, server, millis, restoring);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            shutDown(server, out, err);
            stopped.countDown();
        };
        // Ctrl-C and SIGTERM run the hook; the JVM may halt right after it, so the hook itself says goodbye.
        Thread hook = new Thread(stop, "flireo-mock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped by an embedding program rather than a signal: stop here, then keep the interrupt visible.
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private String problem() {
        if (port < 0 || port > 65535) {
            return "--port must be 0..65535, got " + port;
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            return "--time-scale must be a positive number, got " + timeScale;
        }
        if (!(shutdownTimeout >= 0) || shutdownTimeout > 3600) {
            return "--shutdown-timeout must be 0..3600 seconds, got " + shutdownTimeout;
        }
        if (!(headerTimeout >= 0.001 && headerTimeout <= 3600 && bodyTimeout >= 0.001 && bodyTimeout <= 3600)) {
            return "--header-timeout and --body-timeout must be 0.001..3600 seconds, got " + headerTimeout + " and "
                    + bodyTimeout;
        }
        if (seed != null && !Files.isReadable(seed)) {
            return "--seed file is not readable: " + seed;
        }
        if (!webhookDialect.strip().equals("voicedock")
                && !webhookDialect.strip().equals("flireo")) {
            return "--webhook-dialect must be voicedock or flireo, got '" + webhookDialect + "'";
        }
        if (bytes(maxBodySize) < 0) {
            return "--max-body-size must be a size such as 1048576, 512KiB or 2MiB (at most 2047MiB), got "
                    + maxBodySize;
        }
        if (recordTo != null && proxyTo == null) {
            return "--record-to needs --proxy-to";
        }
        if (proxyTo != null && (proxyTo.getScheme() == null || proxyTo.getHost() == null)) {
            return "--proxy-to must be an absolute http(s) URL, got " + proxyTo;
        }
        return null;
    }

    /** Stops gracefully within the timeout and says what, if anything, had to be cut. */
    private void shutDown(FlireoMockServer server, PrintWriter out, PrintWriter err) {
        out.printf(
                Locale.ROOT,
                "Flireo mock stopping: no new connections; waiting up to %s s for requests in flight "
                        + "and webhook deliveries.%n",
                seconds(shutdownTimeout));
        out.flush();
        FlireoMockServer.Shutdown report = server.shutdown(Duration.ofMillis(Math.round(shutdownTimeout * 1000)));
        if (report.unfinishedRequests() > 0) {
            out.println("  cut " + report.unfinishedRequests() + " request(s) still in flight after "
                    + seconds(shutdownTimeout) + " s");
        }
        report.abandonedDeliveries()
                .forEach(d -> out.println("  abandoned webhook: " + Redaction.url(d) + " (not delivered in time)"));
        if (report.stateFileProblem() != null) {
            err.println("flireo mock: " + report.stateFileProblem());
        } else if (stateFile != null) {
            out.println("State saved to " + stateFile.toAbsolutePath() + ".");
        }
        out.println("Flireo mock stopped.");
        out.flush();
        err.flush();
    }

    private static Duration duration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The flags as the one {@link MockOptions} they stand for (checked first by {@link #problem()}). */
    private MockOptions options(PrintWriter out, PrintWriter err) {
        MockOptions options = FlireoMockServer.options()
                .port(port)
                .bindAddress(host)
                .timeScale(timeScale)
                .demoData(!noDemoData && seed == null)
                .enforceRateLimits(enforceRateLimits)
                .seedFile(seed)
                .maxBodySize(bytes(maxBodySize))
                .stateFile(stateFile)
                .requestTimeouts(duration(headerTimeout), duration(bodyTimeout))
                .webhookDialect(dev.flireo.testkit.contracts.Dialect.fromWireName(webhookDialect.strip()))
                .onWarning(warning -> {
                    err.println("flireo mock: warning: " + warning);
                    err.flush();
                });
        apiKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).forEach(options::apiKeys);
        options.onDelivery(d -> {
            out.println("webhook: " + d.event().wireName() + " -> "
                    + Redaction.url(d.request().target().toString()) + ": "
                    + (d.error() != null ? d.error() : "HTTP " + d.status()) + " in "
                    + d.latency().toMillis() + " ms, "
                    + (d.verdict() != null && d.verdict().warning() ? "warned" : d.passed() ? "passed" : "failed")
                    + (d.verdict() == null ? "" : " (" + d.verdict().reason() + ")"));
            out.flush();
        });
        if (proxyTo != null) {
            options.proxyTo(proxyTo).recordTo(recordTo).onDrift(line -> {
                out.println("drift: " + line);
                out.flush();
            });
        }
        return options;
    }

    private void printBanner(PrintWriter out, FlireoMockServer server, long millis, boolean restored) {
        // A key given with --api-key is a credential and never printed; the default is accepted by any mock.
        String shownKey =
                server.apiKey().equals(FlireoMockServer.DEFAULT_API_KEY) ? server.apiKey() : "<your --api-key>";
        out.println("Flireo mock is running (started in " + millis + " ms).");
        out.println("  API:    " + server.baseUrl());
        out.println("  legacy: " + server.legacyBaseUrl());
        out.println("  admin:  " + server.adminUrl() + "   (WireMock: "
                + server.adminUrl().replace("__flireo", "__admin") + ")");
        out.println("  dashboard: " + server.adminUrl() + "/ui/");
        if (stateFile != null) {
            out.println("  state:  " + stateFile.toAbsolutePath() + (restored ? " (restored)" : " (new)"));
        }
        out.println("  webhooks of live calls: " + server.webhookDialect().wireName() + " dialect ("
                + (server.webhookDialect() == dev.flireo.testkit.contracts.Dialect.VOICEDOCK
                        ? "snake_case, as the HMS/VoiceDock SDK types them"
                        : "camelCase, as the Flireo pages show them")
                + "; --webhook-dialect to change)");
        out.println();
        out.println("Try it:");
        out.println("  curl -H \"Authorization: Bearer " + shownKey + "\" " + server.baseUrl() + "/assistants");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** {@code 1048576}, {@code 512KiB} or {@code 2MiB} (also k, K, KB, m, M, MB, all binary) in bytes; -1 if not a size. */
    static long bytes(String size) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,10})\\s*(?:([kKmM])(?:i?B)?)?")
                .matcher(size.strip());
        if (!m.matches()) {
            return -1;
        }
        long unit = m.group(2) == null ? 1 : Character.toLowerCase(m.group(2).charAt(0)) == 'k' ? 1 << 10 : 1 << 20;
        long bytes = Long.parseLong(m.group(1)) * unit;
        return bytes <= Integer.MAX_VALUE - 8 ? bytes : -1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
