package dev.flireo.testkit.cli;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.simulator.Chaos;
import dev.flireo.testkit.simulator.Redaction;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.ScenarioException;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flireo replay}: plays a scenario against a webhook URL and judges every reply. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Send a scenario's signed webhook events to your URL and judge every reply.",
            "Verdicts are pass, warn (tolerated by the platform but risky) and fail.",
            "Exit code 0 when no verdict fails (with --strict: and none warns), 1 otherwise, 2 on bad usage or input.",
            "Ctrl-C or SIGTERM stops sending, gives deliveries in flight 2 s, still writes --junit and --report "
                    + "with the unfinished deliveries marked as interrupted, and exits 130 (Ctrl-C) or 143 (SIGTERM)."
        })
final class ReplayCommand implements Callable<Integer> {

    /** How long deliveries in flight may still take after Ctrl-C or SIGTERM. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    /** How long the signal waits for the reports after that; the JVM exits when it returns. */
    private static final Duration REPORT_WAIT = Duration.ofSeconds(10);

    @Parameters(paramLabel = "SCENARIO", description = "A built-in scenario (see 'flireo scenarios') or FILE.yaml.")
    String scenarioName;

    @Option(names = "--target", required = true, paramLabel = "URL", description = "Your webhook URL.")
    String target;

    @Option(
            names = "--secret",
            paramLabel = "S",
            defaultValue = "${env:FLIREO_WEBHOOK_SECRET}",
            description = "The webhook_secret to sign with (default: $FLIREO_WEBHOOK_SECRET); unsigned without.")
    String secret;

    @Option(
            names = "--dialect",
            paramLabel = "D",
            defaultValue = "flireo",
            converter = DialectConverter.class,
            description = "flireo (camelCase), voicedock (snake_case) or legacy (flat). Default: ${DEFAULT-VALUE}.")
    Dialect dialect;

    @Option(names = "--seed", paramLabel = "N", description = "Reproduce the same events byte for byte.")
    Long seed;

    @Option(names = "--realtime", description = "Play the real gaps between events instead of 1/100 of them.")
    boolean realtime;

    @Option(names = "--calls", paramLabel = "N", description = "Parallel calls, e.g. leads of campaign-batch.")
    Integer calls;

    @Option(
            names = "--chaos",
            split = ",",
            paramLabel = "FAULT",
            converter = ChaosConverter.class,
            description = "Comma-separated: duplicate, out-of-order, slow, retry.")
    List<Chaos> chaos = List.of();

    @Option(
            names = "--probe-security",
            arity = "0..1",
            fallbackValue = "all",
            paramLabel = "strict|PROBES",
            description = {
                "Also send forged or stale deliveries: the first five need a 4xx; an accepted replay inside "
                        + "the 300 s window is a warning.",
                "=strict makes that replay a failure; =tampered-body,replay "
                        + "(any of tampered-body, wrong-secret, no-signature, stale-timestamp, future-timestamp, "
                        + "replay) sends only those."
            })
    String probeSecurity;

    @Option(names = "--strict", description = "Count every warning as a failure (exit code 1).")
    boolean strict;

    @Option(
            names = "--fixed-clock",
            paramLabel = "INSTANT",
            converter = InstantConverter.class,
            description = {
                "Date the events from INSTANT (e.g. 2026-01-05T09:00:00Z) on the scenario's own gaps "
                        + "instead of the time of sending: with --seed, every byte is the same on each run, headers "
                        + "and signatures included. A receiver checking the 300 s window refuses such deliveries."
            })
    java.time.Instant fixedClock;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML for CI.")
    Path junit;

    @Option(names = "--report", paramLabel = "DIR", description = "Write an HTML report to DIR/index.html.")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Opened once the reports are written (or the run failed), so that a signal can wait for them. */
    private final CountDownLatch reportsWritten = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Scenario scenario = Scenario.resolve(scenarioName);
            if (calls != null) {
                scenario = scenario.withCalls(calls);
            }
            WebhookSimulator simulator = WebhookSimulator.target(target)
                    .secret(secret == null || secret.isEmpty() ? null : secret)
                    .dialect(dialect)
                    .realtime(realtime)
                    .chaos(chaos.toArray(Chaos[]::new))
                    .strict(strict)
                    .fixedClock(fixedClock)
                    .progress(line -> {
                        out.println(line);
                        out.flush();
                    });
            ProbeChoice.parse(probeSecurity).applyTo(simulator);
            if (seed != null) {
                simulator.seed(seed);
            }
            out.printf(
                    "replaying %s (%d call%s, %s) to %s%s%n",
                    scenario.name(),
                    scenario.calls(),
                    scenario.calls() == 1 ? "" : "s",
                    dialect.wireName(),
                    Redaction.url(target),
                    secret == null || secret.isEmpty() ? ", unsigned" : ", signed");
            if (dialect == Dialect.LEGACY) {
                out.println("note: the legacy pages document no signature; with --secret (and --probe-security) the "
                        + "replay tests an extra the legacy platform may not send");
            }
            SimulationReport result = runUntilSignal(simulator, scenario, out);
            out.println();
            out.println(result.summary());
            result.failures().stream().limit(20).forEach(f -> out.println("  - " + f));
            if (result.failures().size() > 20) {
                out.println("  ... and " + (result.failures().size() - 20) + " more");
            }
            if (!result.strict()) {
                result.warnings().stream().limit(20).forEach(w -> out.println("  ~ warning: " + w));
            }
            if (junit != null) {
                out.println("JUnit XML: " + result.writeJUnitXml(junit));
            }
            if (report != null) {
                out.println("HTML report: " + result.writeHtml(report));
            }
            out.flush();
            return result.interrupted() ? 130 : result.passed() ? 0 : 1;
        } catch (ScenarioException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("flireo replay: " + e.getMessage());
            return 2;
        } finally {
            reportsWritten.countDown();
        }
    }

    /**
     * Runs the scenario; on Ctrl-C or SIGTERM the shutdown hook interrupts the run and then holds the JVM (at most
     * {@link #REPORT_WAIT}) until this thread has written the reports. The JVM then exits 130 or 143.
     */
    private SimulationReport runUntilSignal(WebhookSimulator simulator, Scenario scenario, PrintWriter out) {
        Thread hook = new Thread(
                () -> {
                    out.println();
                    out.println("flireo replay: interrupted; sending nothing more, waiting up to "
                            + INTERRUPT_GRACE.toSeconds() + " s for deliveries in flight");
                    out.flush();
                    simulator.interrupt(INTERRUPT_GRACE);
                    try {
                        reportsWritten.await(INTERRUPT_GRACE.plus(REPORT_WAIT).toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "flireo-replay-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return simulator.run(scenario);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // The JVM is shutting down: the hook is running and waits for the reports.
            }
        }
    }

    static final class DialectConverter implements CommandLine.ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            try {
                return Dialect.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class InstantConverter implements CommandLine.ITypeConverter<java.time.Instant> {
        @Override
        public java.time.Instant convert(String value) {
            try {
                return java.time.Instant.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "expected an ISO-8601 instant such as " + "2026-01-05T09:00:00Z, got '" + value + "'");
            }
        }
    }

    static final class ChaosConverter implements CommandLine.ITypeConverter<Chaos> {
        @Override
        public Chaos convert(String value) {
            try {
                return Chaos.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
