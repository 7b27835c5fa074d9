package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What every call of one run shares: target, sender, dialect, time mode, chaos, and the thread-safe record. */
final class RunContext {

    /**
     * Runs the calls' timers and the steps that follow them. Not CompletableFuture's default async pool: on a
     * machine with two cores that pool starts a new thread for every task.
     */
    private static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "flireo-simulator-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** Compressed time plays a gap at 1/100 of its length, and never longer than this. */
    private static final Duration MAX_COMPRESSED_GAP = Duration.ofMillis(250);

    final URI target;
    final WebhookSender sender;
    final CallEvents events;
    final Dialect dialect;
    final boolean realtime;
    final Set<Chaos> chaos;
    private final Consumer<String> progress;
    private final Redaction redaction;
    private final long startNanos = System.nanoTime();
    private final List<TimelineEntry> timeline = Collections.synchronizedList(new ArrayList<>());
    private final List<CallRecord> calls = Collections.synchronizedList(new ArrayList<>());

    RunContext(URI target, WebhookSender sender, Dialect dialect, boolean realtime, Set<Chaos> chaos,
               Consumer<String> progress, Redaction redaction) {
        this.target = target;
        this.sender = sender;
        this.events = CallEvents.of(dialect);
        this.dialect = dialect;
        this.realtime = realtime;
        this.chaos = chaos;
        this.progress = progress;
        this.redaction = redaction;
    }

    /** The real wait for a simulated gap. */
    Duration play(Duration simulated) {
        if (realtime) {
            return simulated;
        }
        Duration compressed = simulated.dividedBy(100);
        return compressed.compareTo(MAX_COMPRESSED_GAP) > 0 ? MAX_COMPRESSED_GAP : compressed;
    }

    CompletableFuture<Void> after(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> timer = new CompletableFuture<>();
        TIMERS.schedule(() -> timer.complete(null), wait.toNanos(), TimeUnit.NANOSECONDS);
        return timer;
    }

    /**
     * Waits at least {@code wait}, and into the next wall-clock second, so that a repeated delivery carries a new
     * {@code X-Webhook-Timestamp} and signature, as a genuine re-delivery would; an identical one would be a replay.
     */
    CompletableFuture<Void> afterNextSecond(Duration wait) {
        long millis = System.currentTimeMillis();
        Duration toNextSecond = Duration.ofMillis(1000 - millis % 1000 + 5);
        return after(wait.compareTo(toNextSecond) > 0 ? wait : toNextSecond);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void record(TimelineEntry entry) {
        timeline.add(entry);
        Delivery d = entry.delivery();
        String answer = d.error() != null ? "---" : Integer.toString(d.status());
        progress.accept(redaction.apply(String.format(Locale.ROOT, "%-5s %-8s %-48s %4s %6d ms  %s",
                d.passed() ? "ok" : entry.superseded() ? "retry" : "FAIL", entry.call() == 0 ? "probe" : "call " + entry.call(),
                entry.label() + (entry.note() == null ? "" : " [" + entry.note() + "]"), answer,
                d.latency().toMillis(), d.verdict() == null ? "" : d.verdict().reason())));
    }

    void record(CallRecord call) {
        calls.add(call);
    }

    List<TimelineEntry> timeline() {
        synchronized (timeline) {
            return List.copyOf(timeline);
        }
    }

    List<CallRecord> calls() {
        synchronized (calls) {
            return calls.stream().sorted(java.util.Comparator.comparingInt(CallRecord::number)).toList();
        }
    }
}
