package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.simulator.Delivery;
import dev.flireo.testkit.simulator.Redaction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The log of webhook deliveries, oldest first: request, reply status, latency and verdict of each. */
public final class Deliveries {

    /**
     * One delivery, the REST id of the call it belongs to, and the redaction of the secret it was signed with, for
     * everything shown outside the process.
     */
    public record Entry(String callId, Delivery delivery, Redaction redaction) {
        Delivery shown() {
            return redaction.apply(delivery);
        }
    }

    private final List<Entry> log = new CopyOnWriteArrayList<>();
    /** Counts the clears: a delivery sent before a reset and answered after it belongs to no test's log. */
    private long generation;

    private final java.util.function.Consumer<Delivery> listener;

    public Deliveries() {
        this(delivery -> {});
    }

    /**
     * A log that also hands each delivery to {@code listener} as it is made (the CLI prints them), with the
     * assistant's {@code webhook_secret} redacted from what the receiver said.
     */
    public Deliveries(java.util.function.Consumer<Delivery> listener) {
        this.listener = listener;
    }

    /** The current generation, to hand back to {@link #add} once the delivery it starts is answered. */
    public synchronized long generation() {
        return generation;
    }

    /** Logs a delivery started in {@code generation}, unless the log was cleared since (then it is dropped). */
    public void add(long generation, String callId, Delivery delivery, String webhookSecret) {
        Entry entry = new Entry(callId, delivery, Redaction.of(webhookSecret));
        synchronized (this) {
            if (generation != this.generation) {
                return;
            }
            log.add(entry);
            notifyAll(); // wakes await()
        }
        listener.accept(entry.shown());
    }

    public List<Entry> list() {
        return List.copyOf(log);
    }

    /** The deliveries as made, oldest first, without their call ids. */
    public List<Delivery> deliveries() {
        return log.stream().map(Entry::delivery).toList();
    }

    /**
     * Waits until at least {@code count} deliveries have been made, then returns them all; fails after
     * {@code timeout}.
     */
    public synchronized List<Delivery> await(int count, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (log.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("expected " + count + " webhook deliveries within " + timeout + ", got "
                        + log.size() + ": " + deliveries());
            }
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
            }
        }
        return deliveries();
    }

    /** The newest {@code last} entries that {@code filter} accepts, oldest first, as the admin API shows them. */
    public ArrayNode toJson(java.util.function.Predicate<Entry> filter, int last) {
        List<Entry> picked = log.stream().filter(filter).toList();
        ArrayNode out = Json.array();
        picked.subList(Math.max(0, picked.size() - last), picked.size()).forEach(e -> out.add(toJson(e)));
        return out;
    }

    public int size() {
        return log.size();
    }

    /**
     * The entry as {@code GET /__flireo/deliveries} shows it: the request headers are the platform's, whose
     * {@code X-Webhook-Signature} is an HMAC and never the secret; the secret and URL credentials are redacted.
     */
    private static ObjectNode toJson(Entry entry) {
        Delivery d = entry.shown();
        ObjectNode node = Json.object()
                .put("call_id", entry.callId())
                .put("event", d.event().wireName())
                .put("url", entry.redaction().apply(d.request().target().toString()));
        ObjectNode request = node.putObject("request");
        d.request().headers().forEach(request.putObject("headers")::put);
        request.put("body", d.request().bodyText());
        node.put("status", d.status());
        node.put("reply", d.replyText());
        node.put("latency_ms", d.latency().toMillis());
        node.put("error", d.error());
        ObjectNode verdict = node.putObject("verdict");
        verdict.put("passed", d.verdict() != null && d.verdict().passed());
        verdict.put(
                "outcome", d.verdict() == null ? null : d.verdict().outcome().wireName());
        verdict.put("reason", d.verdict() == null ? null : d.verdict().reason());
        return node;
    }

    public synchronized void clear() {
        generation++;
        log.clear();
    }
}
