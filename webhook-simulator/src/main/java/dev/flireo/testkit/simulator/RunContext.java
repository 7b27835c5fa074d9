package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What every call of one run shares: target, sender, dialect, time mode, chaos, and the thread-safe record. A run
 * can be stopped from another thread: from then on no event is sent and every wait ends at once, and the
 * deliveries in flight get a grace period; {@link #close()} then says what was not finished.
 */
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
    final Redaction redaction;
    final RunClock clock;
    private final long startNanos = System.nanoTime();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<CallRecord> calls = Collections.synchronizedList(new ArrayList<>());
    /** Sent and not yet recorded; entries are equal when call and label are, and then interchangeable. */
    private final List<Unfinished> inFlight = new ArrayList<>();

    private final List<Unfinished> notSent = new ArrayList<>();
    private final Set<CompletableFuture<Void>> waits = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> graceOver = new CompletableFuture<>();
    private volatile boolean stopping;
    private boolean closed;

    RunContext(
            URI target,
            WebhookSender sender,
            Dialect dialect,
            boolean realtime,
            Set<Chaos> chaos,
            Consumer<String> progress,
            Redaction redaction,
            RunClock clock) {
        this.target = target;
        this.sender = sender;
        this.events = CallEvents.of(dialect);
        this.dialect = dialect;
        this.realtime = realtime;
        this.chaos = chaos;
        this.progress = progress;
        this.redaction = redaction;
        this.clock = clock;
    }

    /** The real wait for a simulated gap. */
    Duration play(Duration simulated) {
        if (realtime) {
            return simulated;
        }
        Duration compressed = simulated.dividedBy(100);
        return compressed.compareTo(MAX_COMPRESSED_GAP) > 0 ? MAX_COMPRESSED_GAP : compressed;
    }

    /** A wait of the run; it ends at once when the run is stopped. */
    CompletableFuture<Void> after(Duration wait) {
        if (wait.isZero() || wait.isNegative() || stopping) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> timer = new CompletableFuture<>();
        waits.add(timer);
        timer.whenComplete((v, e) -> waits.remove(timer));
        TIMERS.schedule(() -> timer.complete(null), wait.toNanos(), TimeUnit.NANOSECONDS);
        if (stopping) {
            timer.complete(null);
        }
        return timer;
    }

    /** No event is sent from now on, waits end, and the deliveries in flight get {@code grace} for their reply. */
    void stop(Duration grace) {
        stopping = true;
        waits.forEach(wait -> wait.complete(null));
        TIMERS.schedule(() -> graceOver.complete(null), grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    boolean stopping() {
        return stopping;
    }

    /** Completes when a stopped run's grace period is over. */
    CompletableFuture<Void> graceOver() {
        return graceOver;
    }

    /**
     * Notes a delivery about to be sent, or, once the run is stopping, notes it as not sent and throws.
     *
     * @throws CancellationException when the run is stopping: the call's remaining steps are not played
     */
    synchronized void sending(int call, String label) {
        if (stopping) {
            notSent(call, label);
            throw new CancellationException("the run was interrupted");
        }
        inFlight.add(new Unfinished(call, label, true));
    }

    synchronized void notSent(int call, String label) {
        if (!closed) {
            notSent.add(new Unfinished(call, label, false));
        }
    }

    /** Ends the record: what comes later is ignored. Returns the timeline and what was not finished, in order. */
    synchronized Record close() {
        closed = true;
        List<Unfinished> unfinished = new ArrayList<>(inFlight);
        unfinished.addAll(notSent);
        unfinished.sort(
                java.util.Comparator.comparingInt((Unfinished u) -> u.call() == 0 ? Integer.MAX_VALUE : u.call()));
        return new Record(List.copyOf(timeline), List.copyOf(unfinished));
    }

    record Record(List<TimelineEntry> timeline, List<Unfinished> unfinished) {}

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
        synchronized (this) {
            if (closed) {
                return;
            }
            timeline.add(entry);
            inFlight.remove(new Unfinished(entry.call(), entry.label(), true));
        }
        Delivery d = entry.delivery();
        String answer = d.error() != null ? "---" : Integer.toString(d.status());
        progress.accept(redaction.apply(String.format(
                Locale.ROOT,
                "%-5s %-8s %-48s %4s %6d ms  %s",
                label(entry),
                entry.call() == 0 ? "probe" : "call " + entry.call(),
                entry.label() + (entry.note() == null ? "" : " [" + entry.note() + "]"),
                answer,
                d.latency().toMillis(),
                d.verdict() == null ? "" : d.verdict().reason())));
    }

    private static String label(TimelineEntry entry) {
        Delivery d = entry.delivery();
        if (d.verdict() != null && d.verdict().warning()) {
            return "warn";
        }
        return d.passed() ? "ok" : entry.superseded() ? "retry" : "FAIL";
    }

    void record(CallRecord call) {
        calls.add(call);
    }

    synchronized List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    List<CallRecord> calls() {
        synchronized (calls) {
            return calls.stream()
                    .sorted(java.util.Comparator.comparingInt(CallRecord::number))
                    .toList();
        }
    }
}
