package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Moves calls through their lifecycle on the mock clock: dialing, ringing, in-progress, then the outcome
 * (ended by default). When a call ends it gets its duration, transcript, summary and analysis, a usage log
 * is written and the prepaid balance is charged, as the billing guide describes (EUR 0.07 per started minute).
 */
public final class CallEngine {

    public static final Set<String> LIVE = Set.of("connecting", "dialing", "ringing", "in-progress");
    static final Duration RING_AFTER = Duration.ofSeconds(1);
    static final Duration ANSWER_AFTER = Duration.ofSeconds(4);
    static final Duration DEFAULT_TALK = Duration.ofSeconds(30);
    static final double EUR_PER_MINUTE = 0.07;

    /** How the next outbound call ends; chosen through the admin or Java API, else {@code completed}. */
    public record Outcome(String name, Duration talk) {
        public static final Set<String> NAMES = Set.of("completed", "no-answer", "busy", "voicemail", "error");

        public Outcome {
            if (!NAMES.contains(name)) {
                throw ApiError.invalid(400, "outcome must be one of " + new java.util.TreeSet<>(NAMES), "outcome");
            }
        }
    }

    private final MockContext ctx;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Outcome> nextOutcomes = new ConcurrentLinkedQueue<>();
    private volatile java.util.function.Consumer<Instant> afterTick = now -> { };
    private volatile boolean stopped;
    private final Webhooks webhooks;
    /** When the tool-calls of a call's function tools are sent, after it is answered. */
    static final Duration TOOLS_AFTER = Duration.ofSeconds(2);

    /** {@code webhookDialect}: the payload dialect of every live call's webhooks (flireo or voicedock). */
    public CallEngine(MockContext ctx, Deliveries deliveries, Dialect webhookDialect) {
        this.ctx = ctx;
        this.webhooks = new Webhooks(ctx, deliveries, webhookDialect);
    }

    Webhooks webhooks() {
        return webhooks;
    }

    /** Work that follows the calls on the same clock (the campaign runner). */
    void afterTick(java.util.function.Consumer<Instant> work) {
        this.afterTick = work;
    }

    public void queueOutcome(Outcome outcome) {
        nextOutcomes.add(outcome);
    }

    /** Stores a new call and schedules its lifecycle. */
    ObjectNode start(ObjectNode call, ObjectNode assistant, boolean inbound, Outcome chosen) {
        Instant now = ctx.now();
        Outcome outcome = chosen != null ? chosen : inbound ? null : nextOutcomes.poll();
        Duration talk = outcome != null && outcome.talk() != null ? outcome.talk() : DEFAULT_TALK;
        JsonNode max = assistant == null ? null : assistant.get("max_duration_seconds");
        boolean capped = max != null && max.isNumber() && max.asLong() < talk.toSeconds();
        if (capped) {
            talk = Duration.ofSeconds(max.asLong());
        }
        call.put("_talk_seconds", talk.toSeconds());
        Instant answer = now.plus(inbound ? RING_AFTER : ANSWER_AFTER);
        call.put("_ringing_at", Json.timestamp(inbound ? now : now.plus(RING_AFTER)));
        call.put("_answer_at", Json.timestamp(answer));
        call.put("_end_at", Json.timestamp(answer.plus(talk)));
        call.put("_outcome", outcome == null ? "completed" : outcome.name());
        call.put("_end_reason", capped ? "max_duration" : "user_hangup");
        ctx.collection(Resource.CALLS).insert(call);
        live.add(call.get("id").asText());
        return call;
    }

    /**
     * Takes on the live calls of a state that was loaded (a state file, a seed, {@code PUT /__flireo/state}), so
     * they go on through their lifecycle. The reply to an assistant-request this engine did not send can never come:
     * such a call goes on with the saved assistant, as after the platform's 5 s timeout.
     */
    public void adopt() {
        for (ObjectNode call : ctx.collection(Resource.CALLS).list(c -> LIVE.contains(c.path("status").asText())
                && c.has("_ringing_at") && c.has("_answer_at") && c.has("_end_at"))) {
            String id = call.get("id").asText();
            if (live.add(id) && call.has("_awaiting_reply")) {
                ctx.collection(Resource.CALLS).update(id, c -> {
                    c.remove("_awaiting_reply");
                    return c.put("_assistant_request", "fallback: no reply before the mock restarted");
                });
            }
        }
    }

    /**
     * Shutting down: calls stop moving (no new webhooks), and the deliveries already queued get up to
     * {@code timeout} to finish.
     *
     * @return the deliveries that did not finish in time
     */
    public List<String> stop(Duration timeout) {
        halt();
        return webhooks.awaitIdle(timeout);
    }

    /** Synchronized like {@link #tick()}: a tick in progress ends first, and its deliveries are awaited too. */
    private synchronized void halt() {
        stopped = true;
    }

    /** Applies every transition that is due on the mock clock. Called by a timer, on clock advances and reads. */
    public synchronized void tick() {
        if (stopped) {
            return;
        }
        Instant now = ctx.now();
        for (Iterator<String> it = live.iterator(); it.hasNext(); ) {
            String id = it.next();
            ObjectNode call = ctx.collection(Resource.CALLS).get(id).orElse(null);
            if (call == null || !LIVE.contains(call.path("status").asText())) {
                it.remove();
                continue;
            }
            advance(call, now);
        }
        afterTick.accept(now);
    }

    private void advance(ObjectNode call, Instant now) {
        String outcome = call.path("_outcome").asText("completed");
        String status = call.path("status").asText();
        if ((status.equals("dialing") || status.equals("connecting")) && due(call, "_ringing_at", now)) {
            setStatus(call, "ringing", "_ringing_at");
            status = "ringing";
        }
        if (status.equals("ringing") && due(call, "_answer_at", now) && !call.path("_awaiting_reply").asBoolean(false)) {
            if (outcome.equals("no-answer") || outcome.equals("busy")) {
                end(call.get("id").asText(), "failed", outcome.replace('-', '_'), null, call.get("_answer_at").asText());
                return;
            }
            answer(call);
            status = "in-progress";
        }
        if (status.equals("in-progress")) {
            call = ctx.collection(Resource.CALLS).get(call.get("id").asText()).orElse(call);
            callTools(call, now);
        }
        if (status.equals("in-progress") && due(call, "_end_at", now)) {
            switch (outcome) {
                case "error" -> end(call.get("id").asText(), "ended-with-error", "pipeline_error", "STT connection failed",
                        call.get("_end_at").asText());
                case "voicemail" -> end(call.get("id").asText(), "ended", "voicemail", null, call.get("_end_at").asText());
                default -> end(call.get("id").asText(), "ended", call.path("_end_reason").asText(), null,
                        call.get("_end_at").asText());
            }
        }
    }

    private static boolean due(ObjectNode call, String field, Instant now) {
        return !Instant.parse(call.get(field).asText()).isAfter(now);
    }

    private void setStatus(ObjectNode call, String status, String atField) {
        ctx.collection(Resource.CALLS).update(call.get("id").asText(), c -> {
            c.put("status", status);
            c.put("updated_at", c.get(atField).asText());
            return c;
        }).ifPresent(webhooks::statusChanged);
    }

    private void answer(ObjectNode call) {
        ctx.collection(Resource.CALLS).update(call.get("id").asText(), c -> {
            c.put("status", "in-progress");
            c.put("started_at", c.get("_answer_at").asText());
            c.put("updated_at", c.get("_answer_at").asText());
            c.put("_tools_at", Json.timestamp(Instant.parse(c.get("_answer_at").asText()).plus(TOOLS_AFTER)));
            String greeting = c.path("_first_message").asText("");
            if (!greeting.isEmpty()) {
                c.withArray("messages").add(Json.object().put("role", "assistant").put("content", greeting));
            }
            return c;
        }).ifPresent(webhooks::statusChanged);
    }

    /** The function tools of the assistant are called once, shortly after the answer; replies join the transcript. */
    private void callTools(ObjectNode call, Instant now) {
        if (!call.has("_tools_at") || call.has("_tools_sent") || !due(call, "_tools_at", now)) {
            return;
        }
        String id = call.get("id").asText();
        ctx.collection(Resource.CALLS).update(id, c -> c.put("_tools_sent", true))
                .ifPresent(c -> webhooks.toolsDue(c, delivery -> ctx.collection(Resource.CALLS).update(id, u -> {
                    String text = delivery.acknowledged() ? "Tool result: " + delivery.replyText()
                            : "Tool call failed: " + (delivery.error() != null ? delivery.error() : "HTTP " + delivery.status());
                    u.withArray("messages").add(Json.object().put("role", "assistant").put("content", text));
                    return u;
                })));
    }

    /**
     * Ends a call (once: a call that already ended is left alone) and books it. Returns false when the call was
     * no longer live.
     */
    public boolean end(String id, String status, String reason, String error, String at) {
        boolean[] ended = new boolean[1];
        ObjectNode call = ctx.collection(Resource.CALLS).update(id, c -> {
            if (!LIVE.contains(c.path("status").asText())) {
                return c;
            }
            ended[0] = true;
            finish(c, status, reason, error, at);
            return c;
        }).orElse(null);
        live.remove(id);
        if (ended[0] && call != null && call.path("duration_seconds").asLong() > 0) {
            book(call);
        }
        if (ended[0] && call != null) {
            webhooks.statusChanged(call);
        }
        return ended[0];
    }

    private void finish(ObjectNode c, String status, String reason, String error, String at) {
        c.put("status", status);
        c.put("end_reason", reason);
        if (error != null) {
            c.put("error", error);
        }
        c.put("ended_at", at);
        c.put("updated_at", at);
        long seconds = c.hasNonNull("started_at")
                ? Math.max(0, Duration.between(Instant.parse(c.get("started_at").asText()), Instant.parse(at)).toSeconds())
                : 0;
        c.put("duration_seconds", seconds);
        if (seconds > 0) {
            c.withArray("messages").add(Json.object().put("role", "user").put("content", "Dank u wel, dat was alles."));
            c.put("summary", summary(c, seconds));
            c.set("analysis_result", Analysis.sample(c.path("_analysis_schema")));
        }
    }

    private static String summary(ObjectNode call, long seconds) {
        // caller_phone is the customer in both directions.
        boolean outbound = call.path("direction").asText().equals("outbound");
        int commands = call.path("_commands").size();
        return (outbound ? "Outbound call to " : "Inbound call from ") + call.path("caller_phone").asText()
                + " handled by " + call.path("agent_name").asText("the assistant") + "; lasted " + seconds + " s"
                + (commands > 0 ? " with " + commands + " control command(s)" : "") + "; ended: "
                + call.path("end_reason").asText() + ".";
    }

    /** A usage log per billed call and the charge against the prepaid minutes. */
    private void book(ObjectNode call) {
        long seconds = call.path("duration_seconds").asLong();
        long minutes = (seconds + 59) / 60;
        ObjectNode log = Json.object();
        log.put("id", MockContext.uuid());
        log.put("call_id", call.get("id").asText());
        log.put("duration_sec", seconds);
        log.put("minutes_used", minutes);
        log.put("cost", Math.round(minutes * EUR_PER_MINUTE * 100) / 100.0);
        log.put("call_type", "phone");
        log.set("phone_number", call.get("phone_number"));
        log.set("agent_name", call.get("agent_name"));
        log.set("business_name", call.get("business_name"));
        log.put("created_at", call.get("ended_at").asText());
        ctx.collection(Resource.USAGE).insert(log);
        AccountHandlers.chargeMinutes(ctx, minutes);
    }

    /** The structured data an analysis plan asks for, filled with typed sample values. */
    static final class Analysis {
        private Analysis() {
        }

        static JsonNode sample(JsonNode schema) {
            if (schema == null || schema.isMissingNode() || schema.isNull()) {
                return com.fasterxml.jackson.databind.node.NullNode.instance;
            }
            return value(schema, 0);
        }

        private static JsonNode value(JsonNode schema, int depth) {
            if (schema.has("enum") && schema.get("enum").size() > 0) {
                return schema.get("enum").get(0).deepCopy();
            }
            String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
            switch (type) {
                case "integer": return Json.MAPPER.getNodeFactory().numberNode(Math.max(0, schema.path("minimum").asInt(7)));
                case "number": return Json.MAPPER.getNodeFactory().numberNode(Math.max(0, schema.path("minimum").asDouble(0.8)));
                case "boolean": return Json.MAPPER.getNodeFactory().booleanNode(true);
                case "string": return Json.MAPPER.getNodeFactory().textNode("sample");
                case "array": {
                    ArrayNode a = Json.array();
                    if (depth < 4 && schema.has("items")) {
                        a.add(value(schema.get("items"), depth + 1));
                    }
                    return a;
                }
                default: {
                    ObjectNode o = Json.object();
                    if (depth < 4) {
                        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> p = it.next();
                            o.set(p.getKey(), value(p.getValue(), depth + 1));
                        }
                    }
                    return o;
                }
            }
        }
    }
}
