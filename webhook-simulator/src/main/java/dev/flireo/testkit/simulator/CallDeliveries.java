package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers the events of one call as the platform does, one after the other, with the run's delivery chaos
 * (duplicates, a status held back until after the report, a late status, retries of unacknowledged notifications),
 * and puts every attempt on the run's timeline.
 */
final class CallDeliveries {

    /**
     * An event as it goes out: the payload dated on the run's clock when the event happened, and the simulated time
     * it has in the scenario (the report's timeline).
     */
    record Event(CallSnapshot payload, Instant simulated) {}

    private static final int MAX_ATTEMPTS = 3;

    private final RunContext run;
    private final int callNumber;
    private final List<CompletableFuture<Void>> late = new ArrayList<>();
    private Event heldBack;
    private String heldBackLabel;
    /** Opens when the call's next delivery is done, so a slow one is always overtaken by at least one event. */
    private CompletableFuture<Void> overtaken;

    CallDeliveries(RunContext run, int callNumber) {
        this.run = run;
        this.callNumber = callNumber;
    }

    /**
     * Sends once and judges, without recording: the caller adds its own expectation first. Fails with a
     * {@link CancellationException} once the run is stopping: the call's remaining steps are not played.
     */
    CompletableFuture<Delivery> send(EventType type, Event event, String label) {
        return send(type, event, label, 0);
    }

    /** {@code repeat}: how often this body was sent before (a duplicate or a retry gets a later timestamp). */
    private CompletableFuture<Delivery> send(EventType type, Event event, String label, int repeat) {
        try {
            run.sending(callNumber, label);
        } catch (CancellationException e) {
            return CompletableFuture.failedFuture(e);
        }
        byte[] body = run.events.render(type, event.payload());
        long second = run.clock.headerSecond(event.payload().timestamp(), repeat);
        return run.sender.sendAsync(run.sender.request(run.target, type, body, second));
    }

    void record(Delivery delivery, String label, String note, boolean superseded, Instant eventTime) {
        run.record(new TimelineEntry(
                callNumber, label, eventTime, run.elapsed().minus(delivery.latency()), delivery, note, superseded));
    }

    CompletableFuture<Void> deliver(EventType type, Event event, String label) {
        return deliver(type, event, label, null, 0).thenAccept(d -> {});
    }

    /** Delivers, and with {@code twice} delivers again in the next second: a re-delivery, not a replay. */
    CompletableFuture<Void> deliverMaybeTwice(EventType type, Event event, String label, boolean twice) {
        CompletableFuture<Delivery> first = deliver(type, event, label, null, 0);
        if (!twice) {
            return first.thenAccept(d -> {});
        }
        return first.thenCompose(d -> run.afterNextSecond(Duration.ZERO))
                .thenCompose(v -> deliver(type, event, label, "duplicate", 1))
                .thenAccept(d -> {});
    }

    /** Keeps a status-update back until the call's other events are delivered (out-of-order chaos). */
    void holdBack(Event status, String label) {
        heldBack = status;
        heldBackLabel = label;
    }

    /** The label of a status-update still held back, {@code null} when there is none. */
    String heldBackLabel() {
        return heldBack == null ? null : heldBackLabel;
    }

    /** Delivers a status-update {@code lateBy} later, and only after a later event got through (slow chaos). */
    void deliverLate(Event status, String label, Duration lateBy) {
        overtaken = new CompletableFuture<>();
        late.add(run.after(run.play(lateBy))
                .thenCombine(overtaken, (a, b) -> b)
                .thenCompose(v ->
                        deliver(EventType.STATUS_UPDATE, status, label, "slow, " + lateBy.toSeconds() + " s late", (int)
                                lateBy.toSeconds()))
                .thenAccept(d -> {}));
    }

    /** After the call's last step: the held-back status, then every late delivery. */
    CompletableFuture<Void> finish() {
        openOvertaken();
        CompletableFuture<Void> held = CompletableFuture.completedFuture(null);
        if (heldBack != null) {
            Event status = heldBack;
            heldBack = null;
            // Sent after the report, dated when it happened: on a fixed clock the header says it comes late.
            held = deliver(EventType.STATUS_UPDATE, status, heldBackLabel, "out-of-order", 10)
                    .thenAccept(d -> {});
        }
        return held.thenCompose(v -> CompletableFuture.allOf(late.toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<Delivery> deliver(EventType type, Event event, String label, String note, int repeat) {
        return attempt(type, event, label, note, 1, repeat);
    }

    /** Sends, retries a failed notification when the retry chaos is on, and records every attempt. */
    private CompletableFuture<Delivery> attempt(
            EventType type, Event event, String label, String note, int attempt, int repeat) {
        boolean retryable = run.chaos.contains(Chaos.RETRY)
                && attempt < MAX_ATTEMPTS
                && (type == EventType.STATUS_UPDATE || type == EventType.END_OF_CALL_REPORT);
        String attemptNote = attempt == 1 ? note : join(note, "retry " + (attempt - 1));
        return send(type, event, label, repeat).thenCompose(delivery -> {
            if (!delivery.acknowledged() && retryable) {
                record(delivery, label, attemptNote, true, event.simulated());
                Duration backOff = Duration.ofSeconds(5L * attempt);
                return run.afterNextSecond(run.play(backOff))
                        .thenCompose(v ->
                                attempt(type, event, label, note, attempt + 1, repeat + (int) backOff.toSeconds()));
            }
            record(delivery, label, attemptNote, false, event.simulated());
            openOvertaken();
            return CompletableFuture.completedFuture(delivery);
        });
    }

    private void openOvertaken() {
        CompletableFuture<Void> gate = overtaken;
        if (gate != null && !gate.isDone()) {
            overtaken = null;
            gate.complete(null);
        }
    }

    private static String join(String note, String more) {
        return note == null ? more : note + ", " + more;
    }
}
