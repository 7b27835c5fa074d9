package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** {@code /calls}: history, outbound calls (credit checked) and control of calls in progress. */
public final class CallHandlers {

    private static final Set<String> REALTIME = Set.of("xai_realtime", "google_realtime", "openai_live");
    private static final List<String> DETAIL_ONLY = List.of("messages", "analysis_result", "agent_id", "number_id",
            "phone_number");

    private final MockContext ctx;
    private final CallEngine engine;
    private final RateLimiter controlLimiter;
    private final BooleanSupplier enforceLimits;

    CallHandlers(MockContext ctx, CallEngine engine, BooleanSupplier enforceLimits) {
        this.ctx = ctx;
        this.engine = engine;
        this.controlLimiter = new RateLimiter(10, ctx::now);
        this.enforceLimits = enforceLimits;
    }

    static boolean isLive(ObjectNode call) {
        return CallEngine.LIVE.contains(call.path("status").asText());
    }

    void register(Map<String, Handler> into) {
        into.put("listCalls", this::list);
        into.put("getCall", r -> {
            engine.tick();
            return ApiResponse.ok(MockContext.present(require(r.path("id"))));
        });
        into.put("createOutboundCall", this::outbound);
        into.put("controlCall", this::control);
    }

    private ObjectNode require(String id) {
        return ctx.collection(Resource.CALLS).get(id).orElseThrow(() -> ApiError.notFound("Call " + id));
    }

    private ApiResponse list(ApiRequest request) {
        engine.tick();
        String status = request.query("status");
        List<ObjectNode> calls = new ArrayList<>(ctx.collection(Resource.CALLS).list(c ->
                (status == null || status.equals(c.path("status").asText())) && Pages.inDateRange(c, request)));
        Collections.reverse(calls); // newest first
        ObjectNode out = Pages.page(Json.object(), "calls", calls, request, 100, "pagination");
        // List items are Calls; the transcript, analysis and links belong to the CallDetail of GET /calls/{id}.
        out.withArray("calls").forEach(c -> ((ObjectNode) c).remove(DETAIL_ONLY));
        return ApiResponse.ok(out);
    }

    private ApiResponse outbound(ApiRequest request) {
        ObjectNode body = request.object();
        ObjectNode assistant = resolveAssistant(body);
        ObjectNode number = resolveNumber(body);
        if (AccountHandlers.minutesBalance(ctx) <= 0) {
            throw ApiError.insufficientCredits();
        }
        ObjectNode call = newCall("call-outbound-" + MockContext.randomToken(12), "outbound", "dialing", assistant, number);
        call.put("caller_phone", body.get("destination").asText());
        call.set("_assistant", assistant);
        call.put("room_name", "outbound-" + MockContext.randomToken(8).toLowerCase(java.util.Locale.ROOT));
        String greeting = body.hasNonNull("first_message") ? body.get("first_message").asText()
                : assistant.path("first_message").asText("");
        call.put("_first_message", greeting);
        if (body.has("context")) {
            call.withArray("_commands").add(Json.object().put("type", "context").put("content", body.get("context").asText()));
        }
        if (body.has("metadata")) {
            call.set("_metadata", body.get("metadata").deepCopy());
        }
        engine.start(call, assistant, false, null);
        ObjectNode out = Json.object().put("success", true).put("call_id", call.get("id").asText())
                .put("room_name", call.get("room_name").asText()).put("status", "dialing");
        return ApiResponse.ok(out);
    }

    /** Reference, hybrid (override blocks replace the saved ones) or transient mode. */
    private ObjectNode resolveAssistant(ObjectNode body) {
        if (body.has("assistant")) {
            ObjectNode transientAssistant = body.get("assistant").deepCopy();
            transientAssistant.put("name", "Transient assistant");
            String provider = transientAssistant.path("llm_config").path("provider").asText();
            if (!REALTIME.contains(provider) && (!transientAssistant.has("stt_config") || !transientAssistant.has("tts_config"))) {
                throw ApiError.badRequest("invalid_request", "A transient assistant with the text provider " + provider
                        + " needs stt_config and tts_config", transientAssistant.has("stt_config") ? "assistant.tts_config"
                        : "assistant.stt_config");
            }
            return transientAssistant;
        }
        String agentId = body.get("assistant_id").asText();
        ObjectNode saved = ctx.collection(Resource.ASSISTANTS).get(agentId)
                .orElseThrow(() -> ApiError.notFound("agent_not_found", "Assistant " + agentId + " not found"));
        if (!saved.path("is_active").asBoolean(true)) {
            throw ApiError.badRequest("agent_inactive", "Assistant " + agentId + " is not active", "assistant_id");
        }
        ObjectNode resolved = saved.deepCopy();
        JsonNode override = body.get("assistant_override");
        if (override != null) {
            override.fields().forEachRemaining(f -> resolved.set(f.getKey(), f.getValue().deepCopy()));
        }
        return resolved;
    }

    /** The caller id: the given number, else the first active registered number (the pool). */
    private ObjectNode resolveNumber(ObjectNode body) {
        if (body.hasNonNull("number_id")) {
            String id = body.get("number_id").asText();
            return ctx.collection(Resource.NUMBERS).get(id)
                    .orElseThrow(() -> ApiError.notFound("number_not_found", "Number " + id + " not found"));
        }
        return ctx.collection(Resource.NUMBERS).list(n -> n.path("is_active").asBoolean(true)).stream().findFirst()
                .orElseThrow(() -> ApiError.badRequest("no_phone_number",
                        "No active phone number to call from: register one with POST /numbers or pass number_id",
                        "number_id"));
    }

    ObjectNode newCall(String id, String direction, String status, ObjectNode assistant, ObjectNode number) {
        ObjectNode call = ctx.newResource(null, true);
        call.put("id", id);
        call.put("status", status);
        call.put("direction", direction);
        call.putNull("caller_phone");
        call.put("assistant_phone", number == null ? null : number.path("phone_number").asText(null));
        call.putNull("end_reason");
        call.putNull("error");
        call.putNull("started_at");
        call.putNull("ended_at");
        call.putNull("duration_seconds");
        call.putNull("summary");
        call.put("agent_name", assistant == null ? null : assistant.path("name").asText(null));
        call.put("business_name", assistant == null ? null : assistant.path("business_name").asText(null));
        call.putNull("room_name");
        call.putNull("recording_url");
        call.putNull("analysis_result");
        call.putArray("messages");
        call.put("agent_id", assistant == null ? null : assistant.path("id").asText(null));
        call.put("number_id", number == null ? null : number.path("id").asText(null));
        call.put("phone_number", number == null ? null : number.path("phone_number").asText(null));
        call.put("_number_name", number == null ? null : number.path("name").asText(number.path("phone_number").asText()));
        call.put("_webhook_id", MockContext.uuid()); // webhook payloads carry a UUID call id, unlike the REST id
        JsonNode plan = assistant == null ? null : assistant.path("analysis_plan").path("structured_data_plan");
        if (plan != null && plan.path("enabled").asBoolean(false) && plan.has("schema")) {
            call.set("_analysis_schema", plan.get("schema").deepCopy());
        }
        return call;
    }

    private ApiResponse control(ApiRequest request) {
        engine.tick();
        String id = request.path("id");
        ObjectNode call = require(id);
        if (!"in-progress".equals(call.path("status").asText())) {
            throw ApiError.badRequest("call_not_active", "Call " + id + " is not in progress (status: "
                    + call.path("status").asText() + "); commands need an in-progress call", "id");
        }
        RateLimiter.Usage usage = controlLimiter.count(id);
        if (enforceLimits.getAsBoolean() && usage.exceeded()) {
            throw ApiError.rateLimited(usage.retryAfterSeconds());
        }
        ObjectNode command = request.object();
        String type = command.get("type").asText();
        String now = ctx.timestamp();
        ctx.collection(Resource.CALLS).update(id, c -> {
            ObjectNode logged = command.deepCopy().put("at", now);
            c.withArray("_commands").add(logged);
            if (type.equals("say") || (command.hasNonNull("message") && !type.equals("inject-context"))) {
                String text = type.equals("say") ? command.get("content").asText() : command.get("message").asText();
                c.withArray("messages").add(Json.object().put("role", "assistant").put("content", text));
            }
            return c;
        });
        switch (type) {
            case "end-call" -> engine.end(id, "ended", "api_end_call", null, now);
            case "transfer" -> engine.end(id, "transferred", "transferred", null, now);
            case "say" -> {
                if (command.path("end_after").asBoolean(false)) {
                    engine.end(id, "ended", "api_end_call", null, now);
                }
            }
            default -> { }
        }
        return ApiResponse.ok(Json.object().put("success", true).put("message", "Command sent successfully"));
    }

    /**
     * A campaign's call to one lead, from the number pool; null when it cannot start yet (no active number, no
     * credit), so the lead stays queued.
     */
    ObjectNode startCampaignCall(ObjectNode agent, String destination, String systemMessage, ObjectNode metadata) {
        ObjectNode number = ctx.collection(Resource.NUMBERS).list(n -> n.path("is_active").asBoolean(true)).stream().findFirst()
                .orElse(null);
        if (number == null || AccountHandlers.minutesBalance(ctx) <= 0) {
            return null;
        }
        ObjectNode call = newCall("call-outbound-" + MockContext.randomToken(12), "outbound", "dialing", agent, number);
        call.put("caller_phone", destination);
        call.put("room_name", "outbound-" + MockContext.randomToken(8).toLowerCase(java.util.Locale.ROOT));
        call.put("_first_message", agent.path("first_message").asText(""));
        if (!systemMessage.isEmpty()) {
            // The campaign's template, filled from the lead, is the system prompt of this call's transcript.
            call.withArray("messages").add(Json.object().put("role", "system").put("content", systemMessage));
        }
        call.set("_metadata", metadata);
        return engine.start(call, agent, false, null);
    }

    /**
     * An inbound call to one of the registered numbers (admin API). Without credit the platform plays an error
     * message and logs the call as rejected; a number without an agent does not handle the call.
     */
    public ObjectNode startInbound(String numberRef, String customer, Integer talkSeconds) {
        ObjectNode number = ctx.collection(Resource.NUMBERS).get(numberRef)
                .or(() -> ctx.collection(Resource.NUMBERS).list(n -> numberRef.equals(n.path("phone_number").asText())).stream().findFirst())
                .orElseThrow(() -> ApiError.notFound("number_not_found", "No registered number " + numberRef));
        ObjectNode assistant = ctx.collection(Resource.ASSISTANTS).get(number.path("agent_id").asText(null)).orElse(null);
        final String id = "call-_" + customer + "_" + MockContext.randomToken(12);
        ObjectNode call = newCall(id, "inbound", "ringing", assistant, number);
        call.put("caller_phone", customer);
        call.put("room_name", "inbound-" + MockContext.randomToken(8).toLowerCase(java.util.Locale.ROOT));
        if (assistant == null || AccountHandlers.minutesBalance(ctx) <= 0 || !number.path("is_active").asBoolean(true)) {
            call.put("status", assistant == null ? "failed" : "rejected");
            call.put("end_reason", assistant == null ? "no_assistant" : "insufficient_credits");
            call.put("ended_at", call.get("created_at").asText());
            call.put("duration_seconds", 0);
            ctx.collection(Resource.CALLS).insert(call);
            return call;
        }
        call.put("_first_message", assistant.path("first_message").asText(""));
        call.set("_assistant", assistant.deepCopy());
        call.put("_awaiting_reply", true);
        CallEngine.Outcome outcome = talkSeconds == null ? null
                : new CallEngine.Outcome("completed", java.time.Duration.ofSeconds(talkSeconds));
        ObjectNode started = engine.start(call, assistant, true, outcome);
        // The platform asks the webhook for the configuration first; without one it answers with the saved assistant.
        if (!engine.webhooks().assistantRequest(started, assistant, reply -> applyAssistantReply(id, reply))) {
            ctx.collection(Resource.CALLS).update(id, c -> {
                c.remove("_awaiting_reply");
                return c;
            });
        }
        return ctx.collection(Resource.CALLS).get(id).orElse(started);
    }

    /** A reply parsed as strictly as a request: its metadata is kept with the call, so it must round-trip too. */
    private static JsonNode parseOrNull(String text) {
        try {
            return RequestJson.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ApiError e) {
            return null;
        }
    }

    /**
     * Applies an assistant-request reply as documented: {@code error} rejects the call (the text is spoken), an
     * {@code assistant} block overrides the greeting and configuration, {@code maxDurationSeconds} caps the call,
     * {@code metadata} is echoed in later events; no usable reply within 5 s means the saved assistant.
     */
    private void applyAssistantReply(String id, dev.flireo.testkit.simulator.Delivery delivery) {
        JsonNode reply = delivery.acknowledged() ? parseOrNull(delivery.replyText()) : null;
        JsonNode answer = reply != null && reply.isObject() ? reply : Json.object();
        String rejection = answer.path("error").isTextual() && !answer.path("error").asText().isBlank()
                ? answer.path("error").asText() : null;
        String now = ctx.timestamp();
        ctx.collection(Resource.CALLS).update(id, c -> {
            c.remove("_awaiting_reply");
            c.put("_assistant_request", reply == null ? "fallback: " + (delivery.error() != null ? delivery.error()
                    : "HTTP " + delivery.status()) : "applied");
            if (rejection != null) {
                c.put("status", "rejected").put("error", rejection).put("end_reason", "assistant_request_rejected")
                        .put("ended_at", now).put("updated_at", now).put("duration_seconds", 0);
                c.withArray("messages").add(Json.object().put("role", "assistant").put("content", rejection));
                return c;
            }
            JsonNode config = answer.path("assistant");
            for (String key : new String[] {"firstMessage", "first_message"}) {
                if (config.path(key).isTextual()) {
                    c.put("_first_message", config.get(key).asText());
                }
            }
            JsonNode max = answer.has("maxDurationSeconds") ? answer.get("maxDurationSeconds")
                    : config.has("maxDurationSeconds") ? config.get("maxDurationSeconds") : config.get("max_duration_seconds");
            if (max != null && max.canConvertToLong() && max.asLong() < c.path("_talk_seconds").asLong(Long.MAX_VALUE)) {
                c.put("_end_at", Json.timestamp(java.time.Instant.parse(c.get("_answer_at").asText()).plusSeconds(max.asLong())));
                c.put("_end_reason", "max_duration");
            }
            if (config.path("metadata").isObject()) {
                c.set("_metadata", config.get("metadata").deepCopy());
            }
            if (config.isObject()) {
                ObjectNode resolved = (ObjectNode) c.get("_assistant");
                config.fields().forEachRemaining(f -> resolved.set(f.getKey(), f.getValue().deepCopy()));
            }
            return c;
        });
        engine.tick();
    }
}
