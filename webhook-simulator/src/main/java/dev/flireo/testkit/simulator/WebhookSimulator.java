package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Plays scenarios against a webhook receiver and judges every reply.
 *
 * <pre>{@code
 * SimulationReport report = WebhookSimulator.target(URI.create("http://127.0.0.1:8080/webhooks"))
 *         .secret("whsec_test_secret_12345")
 *         .dialect(Dialect.FLIREO)
 *         .seed(42)
 *         .run(Scenario.named("inbound-tool-calls"));
 * report.assertPassed();
 * }</pre>
 *
 * Settings may be changed between runs; a simulator is not meant to run two scenarios at once. Another thread may
 * {@link #interrupt(Duration)} a run (the CLI does on Ctrl-C): it then returns early with what it has.
 */
public final class WebhookSimulator {

    private final URI target;
    private String secret;
    private Dialect dialect = Dialect.FLIREO;
    private Long seed;
    private boolean realtime;
    private final Set<Chaos> chaos = EnumSet.noneOf(Chaos.class);
    private boolean probeSecurity;
    private final Set<SecurityProbe> probes = EnumSet.allOf(SecurityProbe.class);
    private boolean strictProbes;
    private boolean strict;
    private Instant fixedClock;
    private Consumer<String> progress = line -> {};
    private volatile RunContext current;
    private volatile Duration interruptGrace;

    private WebhookSimulator(URI target) {
        this.target = Objects.requireNonNull(target, "target");
        String scheme = target.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || target.getHost() == null) {
            throw new IllegalArgumentException("the target must be an http:// or https:// URL with a host, got '"
                    + Redaction.url(target.toString()) + "'");
        }
    }

    /** The URL the events are POSTed to. */
    public static WebhookSimulator target(URI target) {
        return new WebhookSimulator(target);
    }

    public static WebhookSimulator target(String url) {
        try {
            return new WebhookSimulator(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the target must be an http:// or https:// URL, got '" + Redaction.url(url) + "'", e);
        }
    }

    /**
     * The {@code webhook_secret} to sign with; without one no {@code X-Webhook-Signature} is sent. The secret is
     * redacted from everything the run writes: progress lines, failures, JUnit XML and HTML reports.
     */
    public WebhookSimulator secret(String webhookSecret) {
        this.secret = webhookSecret;
        return this;
    }

    public WebhookSimulator dialect(Dialect eventDialect) {
        this.dialect = Objects.requireNonNull(eventDialect, "dialect");
        return this;
    }

    /** Makes every generated event byte-for-byte reproducible; without it a random seed is drawn and reported. */
    public WebhookSimulator seed(long fixedSeed) {
        this.seed = fixedSeed;
        return this;
    }

    /** Plays the scenario's real gaps (a call takes minutes) instead of compressing them to 1/100 (the default). */
    public WebhookSimulator realtime(boolean realGaps) {
        this.realtime = realGaps;
        return this;
    }

    public WebhookSimulator chaos(Chaos... faults) {
        chaos.clear();
        chaos.addAll(List.of(faults));
        return this;
    }

    /**
     * After the scenario, sends the forged or stale deliveries of {@link #probes} (all six by default); needs a
     * secret. A receiver that does what the vendor documents passes: it must refuse the first five with a 4xx;
     * accepting a {@code replay} inside the window is a warning (a failure with {@link #strictProbes}).
     */
    public WebhookSimulator probeSecurity(boolean probe) {
        this.probeSecurity = probe;
        return this;
    }

    /** Sends only these security probes (and turns probing on); e.g. {@code probes(TAMPERED_BODY, REPLAY)}. */
    public WebhookSimulator probes(SecurityProbe... chosen) {
        if (chosen.length == 0) {
            throw new IllegalArgumentException("name at least one security probe");
        }
        probes.clear();
        probes.addAll(List.of(chosen));
        probeSecurity = true;
        return this;
    }

    /** Counts an accepted {@code replay} probe as a failure instead of a warning ({@code --probe-security=strict}). */
    public WebhookSimulator strictProbes(boolean failOnReplay) {
        this.strictProbes = failOnReplay;
        return this;
    }

    /** Counts every warning as a failure ({@code --strict}): the report then passes only without warnings. */
    public WebhookSimulator strict(boolean warningsFail) {
        this.strict = warningsFail;
        return this;
    }

    /**
     * Dates the run on a fixed clock instead of the real time of sending: {@code message.timestamp} and
     * {@code X-Webhook-Timestamp} start at {@code start} and move only by the scenario's simulated gaps, and the
     * calls' dates follow from it, so two runs with the same seed send the same bytes, headers and signatures
     * included. A receiver that checks the 300 s window against its own clock refuses such deliveries unless
     * {@code start} is near it (give the receiver the same clock); a handler that decides by the time (opening
     * hours) is tested at a chosen time this way. {@code null} goes back to the real time (the default).
     */
    public WebhookSimulator fixedClock(Instant start) {
        this.fixedClock = start;
        return this;
    }

    /** Receives one line per delivery as it is judged (the CLI prints them). */
    public WebhookSimulator progress(Consumer<String> lines) {
        this.progress = Objects.requireNonNull(lines, "progress");
        return this;
    }

    /**
     * Stops the run in progress, from another thread: no further event is sent, and the deliveries in flight get up
     * to {@code grace} for their reply. {@link #run} then returns a report that is {@link SimulationReport#interrupted()
     * interrupted} and names every delivery that did not finish. Called before a run starts, it stops that run at once.
     */
    public void interrupt(Duration grace) {
        interruptGrace = Objects.requireNonNull(grace, "grace");
        RunContext run = current;
        if (run != null) {
            run.stop(grace);
        }
    }

    public SimulationReport run(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        if (probeSecurity && secret == null) {
            throw new IllegalStateException("security probes need a secret: the receiver can only reject forged "
                    + "signatures if it checks them");
        }
        long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        WebhookSender sender =
                WebhookSender.builder().secret(secret).dialect(dialect).build();
        RunClock clock = fixedClock == null ? RunClock.system() : RunClock.fixed(fixedClock);
        RunContext run = new RunContext(
                target, sender, dialect, realtime, EnumSet.copyOf(chaos), progress, Redaction.of(secret), clock);
        current = run;
        try {
            if (interruptGrace != null) {
                run.stop(interruptGrace);
            }
            return play(scenario, run, runSeed);
        } finally {
            current = null;
            interruptGrace = null;
        }
    }

    private SimulationReport play(Scenario scenario, RunContext run, long runSeed) {
        ScenarioSpec spec = scenario.spec();
        Instant runStart = run.clock.start();
        List<CallRun> calls = new ArrayList<>();
        List<CompletableFuture<Void>> played = new ArrayList<>();
        for (int i = 0; i < spec.calls(); i++) {
            CallData data = CallData.draw(runSeed, i, spec.languages(), spec.business(), runStart);
            calls.add(new CallRun(run, spec, data, Duration.between(runStart, data.start())));
            played.add(calls.get(i).play());
        }
        untilDoneOrGraceOver(run, CompletableFuture.allOf(played.toArray(CompletableFuture[]::new)));
        calls.forEach(CallRun::end); // a call still waiting for a reply is recorded as far as it got
        List<ProbeResult> probes = probeSecurity ? probes(run) : List.of();
        RunContext.Record record = run.close();
        return new SimulationReport(
                scenario,
                dialect,
                runSeed,
                target,
                realtime,
                Set.copyOf(chaos),
                record.timeline(),
                run.calls(),
                probes,
                run.elapsed(),
                record.unfinished(),
                run.stopping(),
                run.redaction,
                strict);
    }

    private List<ProbeResult> probes(RunContext run) {
        if (run.stopping()) {
            run.notSent(0, "security probes");
            return List.of();
        }
        CompletableFuture<List<ProbeResult>> sent =
                SecurityProbes.run(run, secret, probeTemplate(run), EnumSet.copyOf(probes), strictProbes);
        untilDoneOrGraceOver(run, sent);
        if (!sent.isDone()) {
            run.notSent(0, "security probes");
            return List.of();
        }
        return sent.join();
    }

    private static void untilDoneOrGraceOver(RunContext run, CompletableFuture<?> work) {
        CompletableFuture.anyOf(work, run.graceOver()).join();
    }

    /** The settings, with the secret shown only as set or not. */
    @Override
    public String toString() {
        return "WebhookSimulator[target=" + Redaction.url(target.toString()) + ", secret="
                + (secret == null ? "none" : Redaction.MARKER) + ", dialect=" + dialect.wireName() + ", seed="
                + (seed == null ? "random" : seed) + ", realtime=" + realtime + ", chaos=" + chaos
                + ", probeSecurity=" + probeSecurity
                + (probeSecurity
                        ? ", probes="
                                + probes.stream().map(SecurityProbe::wireName).toList()
                                + (strictProbes ? " strict" : "")
                        : "")
                + ", strict=" + strict + (fixedClock == null ? "" : ", fixedClock=" + fixedClock) + "]";
    }

    /** An earlier delivery to forge from: preferably an acknowledged status-update, whose reply is ignored. */
    private static WebhookRequest probeTemplate(RunContext run) {
        return run.timeline().stream()
                .filter(e -> e.call() > 0)
                .sorted(Comparator.comparing((TimelineEntry e) -> e.delivery().event() != EventType.STATUS_UPDATE)
                        .thenComparing(e -> !e.delivery().acknowledged())
                        .thenComparing(TimelineEntry::sentAt))
                .map(e -> e.delivery().request())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the scenario sent no event to base the probes on"));
    }
}
