package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.Resource;
import dev.flireo.testkit.mock.internal.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Moves calls through their lifecycle on the mock clock: dialing, ringing, in-progress, then the outcome (ended by
 * default). A call that ends gets its duration, transcript, summary and analysis, and is billed.
 */
final class Lifecycle {

    static final Duration RING_AFTER = Duration.ofSeconds(1);
    static final Duration ANSWER_AFTER = Duration.ofSeconds(4);
    static final Duration DEFAULT_TALK = Duration.ofSeconds(30);
    /** When the tool-calls of a call's function tools are sent, after it is answered. */
    static final Duration TOOLS_AFTER = Duration.ofSeconds(2);

    private final MockContext ctx;
    private final Webhooks webhooks;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private volatile Consumer<Instant> afterTick = now -> {};
    private volatile boolean stopped;

    Lifecycle(MockContext ctx, Webhooks webhooks) {
        this.ctx = ctx;
        this.webhooks = webhooks;
    }

    private StateStore.Collection calls() {
        return ctx.collection(Resource.CALLS);
    }

    void afterTick(Consumer<Instant> work) {
        this.afterTick = work;
    }

    /** Schedules a new call (an inbound one rings at once), stores it and follows it on the clock. */
    ObjectNode start(ObjectNode call, ObjectNode assistant, boolean inbound, Outcome outcome) {
        Instant now = ctx.now();
        Duration talk = outcome != null && outcome.talk() != null ? outcome.talk() : DEFAULT_TALK;
        JsonNode max = assistant == null ? null : assistant.get("max_duration_seconds");
        boolean capped = max != null && max.isNumber() && max.asLong() < talk.toSeconds();
        if (capped) {
            talk = Duration.ofSeconds(max.asLong());
        }
        Instant answer = now.plus(inbound ? RING_AFTER : ANSWER_AFTER);
        new LiveCall(
                        inbound ? now : now.plus(RING_AFTER),
                        answer,
                        answer.plus(talk),
                        outcome == null ? "completed" : outcome.name(),
                        capped ? "max_duration" : "user_hangup",
                        talk,
                        null,
                        false,
                        LiveCall.awaitingReply(call))
                .writeTo(call);
        calls().insert(call);
        live.add(StoredCall.id(call));
        return call;
    }

    /** Follows a loaded call that is live and has a schedule; false when it is not one (or already followed). */
    boolean follow(ObjectNode call) {
        return StoredCall.isLive(call) && LiveCall.of(call).isPresent() && live.add(StoredCall.id(call));
    }

    /** Synchronized like {@link #tick()}: a tick in progress ends first. */
    synchronized void halt() {
        stopped = true;
    }

    /** Applies every transition that is due on the mock clock. */
    synchronized void tick() {
        if (stopped) {
            return;
        }
        Instant now = ctx.now();
        for (Iterator<String> it = live.iterator(); it.hasNext(); ) {
            ObjectNode call = calls().get(it.next()).orElse(null);
            if (call == null || !StoredCall.isLive(call)) {
                it.remove();
                continue;
            }
            advance(call, now);
        }
        afterTick.accept(now);
    }

    private void advance(ObjectNode stored, Instant now) {
        String id = StoredCall.id(stored);
        LiveCall call = LiveCall.of(stored).orElseThrow();
        String status = stored.path("status").asText();
        if ((status.equals("dialing") || status.equals("connecting")) && call.ringsBy(now)) {
            update(id, c -> c.put("status", "ringing").put("updated_at", Json.timestamp(call.ringingAt())));
            status = "ringing";
        }
        if (status.equals("ringing") && call.answeredBy(now)) {
            if (call.outcome().equals("no-answer") || call.outcome().equals("busy")) {
                end(id, "failed", call.outcome().replace('-', '_'), null, call.answerAt());
                return;
            }
            answer(id);
            status = "in-progress";
        }
        if (status.equals("in-progress")) {
            callTools(id, now);
        }
        if (status.equals("in-progress") && call.endsBy(now)) {
            switch (call.outcome()) {
                case "error" -> end(id, "ended-with-error", "pipeline_error", "STT connection failed", call.endAt());
                case "voicemail" -> end(id, "ended", "voicemail", null, call.endAt());
                default -> end(id, "ended", call.endReason(), null, call.endAt());
            }
        }
    }

    private void update(String id, java.util.function.UnaryOperator<ObjectNode> change) {
        calls().update(id, change).ifPresent(webhooks::statusChanged);
    }

    private void answer(String id) {
        update(id, c -> {
            LiveCall call = LiveCall.of(c).orElseThrow();
            String at = Json.timestamp(call.answerAt());
            c.put("status", "in-progress").put("started_at", at).put("updated_at", at);
            call.answered(TOOLS_AFTER).writeTo(c);
            String greeting = StoredCall.firstMessage(c);
            if (!greeting.isEmpty()) {
                StoredCall.say(c, "assistant", greeting);
            }
            return c;
        });
    }

    /** The function tools of the assistant are called once, shortly after the answer; replies join the transcript. */
    private void callTools(String id, Instant now) {
        ObjectNode stored = calls().get(id).orElse(null);
        LiveCall call = stored == null ? null : LiveCall.of(stored).orElse(null);
        if (call == null || !call.toolsDueBy(now)) {
            return;
        }
        calls().update(id, c -> LiveCall.of(c).orElseThrow().withToolsSent().writeTo(c))
                .ifPresent(c -> webhooks.toolsDue(
                        c,
                        delivery -> calls().update(id, u -> {
                            StoredCall.say(
                                    u,
                                    "assistant",
                                    delivery.acknowledged()
                                            ? "Tool result: " + delivery.replyText()
                                            : "Tool call failed: "
                                                    + (delivery.error() != null
                                                            ? delivery.error()
                                                            : "HTTP " + delivery.status()));
                            return u;
                        })));
    }

    /** Ends a live call once and books it; false when it was no longer live. */
    boolean end(String id, String status, String reason, String error, Instant at) {
        boolean[] ended = new boolean[1];
        ObjectNode call = calls().update(id, c -> {
                    if (StoredCall.isLive(c)) {
                        ended[0] = true;
                        Ending.finish(c, status, reason, error, Json.timestamp(at));
                    }
                    return c;
                })
                .orElse(null);
        live.remove(id);
        if (ended[0] && call != null && call.path("duration_seconds").asLong() > 0) {
            Billing.book(ctx, call);
        }
        if (ended[0] && call != null) {
            webhooks.statusChanged(call);
        }
        return ended[0];
    }
}
