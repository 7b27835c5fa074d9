package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The outcome of one run: every delivery with its verdict, the security probes, the transcripts; assertion helpers
 * for tests; JUnit XML for CI and a single-file HTML report for people.
 */
public final class SimulationReport {

    private final Scenario scenario;
    private final Dialect dialect;
    private final long seed;
    private final URI target;
    private final boolean realtime;
    private final Set<Chaos> chaos;
    private final List<TimelineEntry> timeline;
    private final List<CallRecord> calls;
    private final List<ProbeResult> probes;
    private final Duration elapsed;
    private final List<Unfinished> unfinished;
    private final boolean interrupted;
    private final Redaction redaction;
    private final boolean strict;

    SimulationReport(
            Scenario scenario,
            Dialect dialect,
            long seed,
            URI target,
            boolean realtime,
            Set<Chaos> chaos,
            List<TimelineEntry> timeline,
            List<CallRecord> calls,
            List<ProbeResult> probes,
            Duration elapsed,
            List<Unfinished> unfinished,
            boolean interrupted,
            Redaction redaction,
            boolean strict) {
        this.scenario = scenario;
        this.dialect = dialect;
        this.seed = seed;
        this.target = target;
        this.realtime = realtime;
        this.chaos = chaos;
        this.timeline = timeline.stream()
                .sorted(Comparator.comparingInt((TimelineEntry e) -> e.call() == 0 ? Integer.MAX_VALUE : e.call())
                        .thenComparing(TimelineEntry::sentAt))
                .toList();
        this.calls = calls;
        this.probes = probes;
        this.elapsed = elapsed;
        this.unfinished = List.copyOf(unfinished);
        this.interrupted = interrupted;
        this.redaction = redaction;
        this.strict = strict;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The seed the run used; pass it to {@code seed(..)} or {@code --seed} to reproduce the events. */
    public long seed() {
        return seed;
    }

    public URI target() {
        return target;
    }

    /** Every delivery of the scenario's calls, call by call in sending order (retried attempts included). */
    public List<Delivery> deliveries() {
        return timeline.stream()
                .filter(e -> e.call() > 0)
                .map(TimelineEntry::delivery)
                .toList();
    }

    public List<Delivery> deliveries(EventType event) {
        return deliveries().stream().filter(d -> d.event() == event).toList();
    }

    public List<ProbeResult> probes() {
        return probes;
    }

    /** The transcript of call {@code number} (1-based) as the end-of-call-report carried it. */
    public List<ChatMessage> transcript(int number) {
        return calls.stream()
                .filter(c -> c.number() == number)
                .findFirst()
                .map(CallRecord::transcript)
                .orElseThrow(() -> new IllegalArgumentException("no call " + number + "; the run had " + calls.size()));
    }

    /**
     * One line per failed verdict (a retried attempt that later succeeded does not count), in a strict run each
     * warning too, with the secret and URL credentials redacted, like everything the report writes.
     */
    public List<String> failures() {
        return lines(entry ->
                entry.delivery().verdict() == null || entry.delivery().verdict().fails(strict));
    }

    /**
     * One line per warning: behaviour the platform tolerates but that is risky, e.g. {@code security probe replay:
     * accepted ...}. Warnings fail nothing unless the run is {@link WebhookSimulator#strict(boolean) strict}.
     */
    public List<String> warnings() {
        return lines(entry ->
                entry.delivery().verdict() != null && entry.delivery().verdict().warning());
    }

    /** True when warnings were counted as failures ({@code --strict}, {@code strict(true)}). */
    public boolean strict() {
        return strict;
    }

    private List<String> lines(Predicate<TimelineEntry> which) {
        List<String> lines = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            if (entry.counts() && which.test(entry)) {
                lines.add(redaction.apply(line(entry)));
            }
        }
        return lines;
    }

    private static String line(TimelineEntry entry) {
        return (entry.call() == 0 ? "" : "call " + entry.call() + " ") + entry.label()
                + (entry.note() == null || entry.call() == 0 ? "" : " [" + entry.note() + "]") + ": "
                + (entry.delivery().verdict() == null
                        ? "not judged"
                        : entry.delivery().verdict().reason());
    }

    /** Every delivery made and no verdict failed (in a strict run, none warned either); an interrupted run never passes. */
    public boolean passed() {
        return !interrupted && !timeline.isEmpty() && failures().isEmpty();
    }

    /** True when the run was stopped by {@link WebhookSimulator#interrupt(Duration)} before it ended. */
    public boolean interrupted() {
        return interrupted;
    }

    /**
     * One line per delivery an interrupted run did not finish, e.g. {@code call 1 end-of-call-report: interrupted:
     * not sent}; empty for a run that ended.
     */
    public List<String> unfinished() {
        return unfinished.stream().map(Unfinished::toString).toList();
    }

    /** Throws an {@link AssertionError} that lists every failed verdict. */
    public SimulationReport assertPassed() {
        if (!passed()) {
            List<String> problems = new ArrayList<>(failures());
            problems.addAll(unfinished());
            throw new AssertionError(scenario.name() + (interrupted ? " was interrupted" : " failed") + ":\n  "
                    + String.join("\n  ", problems));
        }
        return this;
    }

    /** The probes the receiver accepted with a 2xx (a warning for {@code replay}, a failure for the others). */
    public List<SecurityProbe> acceptedProbes() {
        return probes.stream()
                .filter(ProbeResult::accepted)
                .map(ProbeResult::probe)
                .toList();
    }

    /** A few lines for a terminal: counts, probes accepted, and how to reproduce. */
    public String summary() {
        long sent = timeline.stream().filter(e -> e.call() > 0).count();
        long failed = failures().size();
        long warned = warnings().size();
        String head = String.format(
                Locale.ROOT,
                "%s %s: %d call%s, %d deliver%s, %d failed verdict%s, %d warning%s"
                        + " in %.1f s (dialect %s, seed %d%s%s%s)",
                verdict(),
                scenario.name(),
                calls.size(),
                calls.size() == 1 ? "" : "s",
                sent,
                sent == 1 ? "y" : "ies",
                failed,
                failed == 1 ? "" : "s",
                warned,
                warned == 1 ? "" : "s",
                elapsed.toMillis() / 1000.0,
                dialect.wireName(),
                seed,
                strict ? ", strict" : "",
                realtime ? ", real time" : "",
                chaos.isEmpty()
                        ? ""
                        : ", chaos "
                                + chaos.stream().map(Chaos::wireName).sorted().collect(Collectors.joining(",")));
        if (interrupted) {
            head += "\ninterrupted: " + unfinished.size() + " deliver" + (unfinished.size() == 1 ? "y" : "ies")
                    + " not finished";
        }
        if (probes.isEmpty()) {
            return head;
        }
        return head + "\nsecurity probes: "
                + probes.stream().filter(ProbeResult::rejected).count() + " of "
                + probes.size() + " rejected" + probeList("wrongly accepted", p -> p.accepted() && !p.warning())
                + probeList("accepted with a warning", ProbeResult::warning);
    }

    private String probeList(String what, Predicate<ProbeResult> which) {
        String names =
                probes.stream().filter(which).map(p -> p.probe().wireName()).collect(Collectors.joining(", "));
        return names.isEmpty() ? "" : "; " + what + ": " + names;
    }

    /** Writes a JUnit XML test suite with one test case per delivery and probe. */
    public Path writeJUnitXml(Path file) {
        return write(file, redaction.apply(JUnitXmlReport.render(this)));
    }

    /** Writes {@code index.html} into {@code dir}: a self-contained page with the timeline, latencies and verdicts. */
    public Path writeHtml(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create report folder " + dir, e);
        }
        return write(dir.resolve("index.html"), redaction.apply(HtmlReport.render(this)));
    }

    private static Path write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** PASSED, FAILED or INTERRUPTED. */
    String verdict() {
        return interrupted ? "INTERRUPTED" : passed() ? "PASSED" : "FAILED";
    }

    List<TimelineEntry> timeline() {
        return timeline;
    }

    List<Unfinished> unfinishedDeliveries() {
        return unfinished;
    }

    List<CallRecord> calls() {
        return calls;
    }

    boolean realtime() {
        return realtime;
    }

    Set<Chaos> chaos() {
        return chaos;
    }

    Duration elapsed() {
        return elapsed;
    }
}
