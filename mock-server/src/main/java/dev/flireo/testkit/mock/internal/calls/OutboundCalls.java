package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.ApiError;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.Resource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Outbound calls: those placed through {@code POST /calls/outbound} and those a campaign places for its leads. */
final class OutboundCalls {

    private static final Set<String> REALTIME = Set.of("xai_realtime", "google_realtime", "openai_live");

    private final MockContext ctx;
    private final Lifecycle lifecycle;
    private final ConcurrentLinkedQueue<Outcome> nextOutcomes = new ConcurrentLinkedQueue<>();

    OutboundCalls(MockContext ctx, Lifecycle lifecycle) {
        this.ctx = ctx;
        this.lifecycle = lifecycle;
    }

    void queueOutcome(Outcome outcome) {
        nextOutcomes.add(outcome);
    }

    /** A call as a valid {@code CreateOutboundCallRequest} asks for it: 404, 400 or 402 when it cannot be placed. */
    ObjectNode place(ObjectNode body) {
        ObjectNode assistant = resolveAssistant(body);
        ObjectNode number = resolveNumber(body);
        if (!Billing.hasCredit(ctx)) {
            throw ApiError.insufficientCredits();
        }
        ObjectNode call = newCall(assistant, number, body.get("destination").asText());
        StoredCall.setAssistant(call, assistant);
        StoredCall.setFirstMessage(
                call,
                body.hasNonNull("first_message")
                        ? body.get("first_message").asText()
                        : assistant.path("first_message").asText(""));
        if (body.has("context")) {
            StoredCall.logCommand(
                    call,
                    Json.object()
                            .put("type", "context")
                            .put("content", body.get("context").asText()));
        }
        if (body.has("metadata")) {
            StoredCall.setMetadata(call, body.get("metadata").deepCopy());
        }
        return lifecycle.start(call, assistant, false, nextOutcomes.poll());
    }

    /**
     * A campaign's call to one lead, from the number pool; empty when it cannot start yet (no active number, no
     * credit), so the lead stays queued. The campaign's template, filled from the lead, is the system prompt.
     */
    Optional<ObjectNode> placeForCampaign(
            ObjectNode agent, String destination, String systemMessage, ObjectNode metadata) {
        ObjectNode number = firstActiveNumber().orElse(null);
        if (number == null || !Billing.hasCredit(ctx)) {
            return Optional.empty();
        }
        ObjectNode call = newCall(agent, number, destination);
        StoredCall.setFirstMessage(call, agent.path("first_message").asText(""));
        if (!systemMessage.isEmpty()) {
            StoredCall.say(call, "system", systemMessage);
        }
        StoredCall.setMetadata(call, metadata);
        return Optional.of(lifecycle.start(call, agent, false, nextOutcomes.poll()));
    }

    private ObjectNode newCall(ObjectNode assistant, ObjectNode number, String destination) {
        ObjectNode call = StoredCall.create(
                ctx, "call-outbound-" + MockContext.randomToken(12), "outbound", "dialing", assistant, number);
        call.put("caller_phone", destination);
        call.put("room_name", StoredCall.roomName("outbound"));
        return call;
    }

    /** Reference, hybrid (override blocks replace the saved ones) or transient mode. */
    private ObjectNode resolveAssistant(ObjectNode body) {
        if (body.has("assistant")) {
            ObjectNode transientAssistant = body.get("assistant").deepCopy();
            transientAssistant.put("name", "Transient assistant");
            String provider =
                    transientAssistant.path("llm_config").path("provider").asText();
            if (!REALTIME.contains(provider)
                    && (!transientAssistant.has("stt_config") || !transientAssistant.has("tts_config"))) {
                throw ApiError.badRequest(
                        "invalid_request",
                        "A transient assistant with the text provider " + provider + " needs stt_config and tts_config",
                        transientAssistant.has("stt_config") ? "assistant.tts_config" : "assistant.stt_config");
            }
            return transientAssistant;
        }
        String agentId = body.get("assistant_id").asText();
        ObjectNode saved = ctx.collection(Resource.ASSISTANTS)
                .get(agentId)
                .orElseThrow(() -> ApiError.notFound("agent_not_found", "Assistant " + agentId + " not found"));
        if (!saved.path("is_active").asBoolean(true)) {
            throw ApiError.badRequest("agent_inactive", "Assistant " + agentId + " is not active", "assistant_id");
        }
        ObjectNode resolved = saved.deepCopy();
        JsonNode override = body.get("assistant_override");
        if (override != null) {
            override.fields()
                    .forEachRemaining(f -> resolved.set(f.getKey(), f.getValue().deepCopy()));
        }
        return resolved;
    }

    /** The caller id: the given number, else the first active registered number (the pool). */
    private ObjectNode resolveNumber(ObjectNode body) {
        if (body.hasNonNull("number_id")) {
            String id = body.get("number_id").asText();
            return ctx.collection(Resource.NUMBERS)
                    .get(id)
                    .orElseThrow(() -> ApiError.notFound("number_not_found", "Number " + id + " not found"));
        }
        return firstActiveNumber()
                .orElseThrow(() -> ApiError.badRequest(
                        "no_phone_number",
                        "No active phone number to call from: register one with POST /numbers or pass number_id",
                        "number_id"));
    }

    private Optional<ObjectNode> firstActiveNumber() {
        return ctx.collection(Resource.NUMBERS).list(n -> n.path("is_active").asBoolean(true)).stream()
                .findFirst();
    }
}
