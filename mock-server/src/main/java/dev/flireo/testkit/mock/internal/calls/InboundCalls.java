package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.ApiError;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.RequestJson;
import dev.flireo.testkit.mock.internal.Resource;
import dev.flireo.testkit.simulator.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Inbound calls to the registered numbers (admin API). The platform first asks the assistant's webhook for the
 * configuration (the assistant-request); without a usable reply within 5 s the call goes on with the saved assistant.
 */
final class InboundCalls {

    private final MockContext ctx;
    private final Lifecycle lifecycle;
    private final Webhooks webhooks;

    InboundCalls(MockContext ctx, Lifecycle lifecycle, Webhooks webhooks) {
        this.ctx = ctx;
        this.lifecycle = lifecycle;
        this.webhooks = webhooks;
    }

    /**
     * Without credit the platform plays an error message and logs the call as rejected; a number without an agent
     * does not handle the call.
     */
    ObjectNode start(String numberRef, String customer, Integer talkSeconds) {
        ObjectNode number = ctx.collection(Resource.NUMBERS)
                .get(numberRef)
                .or(() ->
                        ctx
                                .collection(Resource.NUMBERS)
                                .list(n ->
                                        numberRef.equals(n.path("phone_number").asText()))
                                .stream()
                                .findFirst())
                .orElseThrow(() -> ApiError.notFound("number_not_found", "No registered number " + numberRef));
        ObjectNode assistant = ctx.collection(Resource.ASSISTANTS)
                .get(number.path("agent_id").asText(null))
                .orElse(null);
        final String id = "call-_" + customer + "_" + MockContext.randomToken(12);
        ObjectNode call = StoredCall.create(ctx, id, "inbound", "ringing", assistant, number);
        call.put("caller_phone", customer);
        call.put("room_name", StoredCall.roomName("inbound"));
        if (assistant == null
                || !Billing.hasCredit(ctx)
                || !number.path("is_active").asBoolean(true)) {
            call.put("status", assistant == null ? "failed" : "rejected");
            call.put("end_reason", assistant == null ? "no_assistant" : "insufficient_credits");
            call.put("ended_at", call.get("created_at").asText());
            call.put("duration_seconds", 0);
            ctx.collection(Resource.CALLS).insert(call);
            return call;
        }
        StoredCall.setFirstMessage(call, assistant.path("first_message").asText(""));
        StoredCall.setAssistant(call, assistant.deepCopy());
        LiveCall.awaitReply(call, true);
        Outcome outcome = talkSeconds == null ? null : new Outcome("completed", Duration.ofSeconds(talkSeconds));
        ObjectNode started = lifecycle.start(call, assistant, true, outcome);
        if (!webhooks.assistantRequest(started, assistant, reply -> applyReply(id, reply))) {
            ctx.collection(Resource.CALLS).update(id, c -> {
                LiveCall.awaitReply(c, false);
                return c;
            });
        }
        return ctx.collection(Resource.CALLS).get(id).orElse(started);
    }

    /**
     * Applies an assistant-request reply as documented: {@code error} rejects the call (the text is spoken), an
     * {@code assistant} block overrides the greeting and configuration, {@code maxDurationSeconds} caps the call,
     * {@code metadata} is echoed in later events; no usable reply within 5 s means the saved assistant.
     */
    private void applyReply(String id, Delivery delivery) {
        JsonNode reply = delivery.acknowledged() ? parseOrNull(delivery.replyText()) : null;
        JsonNode answer = reply != null && reply.isObject() ? reply : Json.object();
        String rejection = answer.path("error").isTextual()
                        && !answer.path("error").asText().isBlank()
                ? answer.path("error").asText()
                : null;
        String now = ctx.timestamp();
        ctx.collection(Resource.CALLS).update(id, c -> {
            LiveCall call = LiveCall.of(c).map(LiveCall::replied).orElse(null);
            if (call == null) {
                return c; // replaced meanwhile (an import or a reset) by a call that is not live
            }
            StoredCall.noteAssistantRequest(
                    c,
                    reply == null
                            ? "fallback: " + (delivery.error() != null ? delivery.error() : "HTTP " + delivery.status())
                            : "applied");
            if (rejection != null) {
                call.writeTo(c);
                c.put("status", "rejected")
                        .put("error", rejection)
                        .put("end_reason", "assistant_request_rejected")
                        .put("ended_at", now)
                        .put("updated_at", now)
                        .put("duration_seconds", 0);
                StoredCall.say(c, "assistant", rejection);
                return c;
            }
            JsonNode config = answer.path("assistant");
            for (String key : new String[] {"firstMessage", "first_message"}) {
                if (config.path(key).isTextual()) {
                    StoredCall.setFirstMessage(c, config.get(key).asText());
                }
            }
            JsonNode max = answer.has("maxDurationSeconds")
                    ? answer.get("maxDurationSeconds")
                    : config.has("maxDurationSeconds")
                            ? config.get("maxDurationSeconds")
                            : config.get("max_duration_seconds");
            if (max != null && max.canConvertToLong()) {
                call = call.cappedAt(Duration.ofSeconds(max.asLong()));
            }
            call.writeTo(c);
            if (config.path("metadata").isObject()) {
                StoredCall.setMetadata(c, config.get("metadata").deepCopy());
            }
            if (config.isObject()) {
                ObjectNode resolved = StoredCall.assistant(ctx, c);
                config.fields()
                        .forEachRemaining(
                                f -> resolved.set(f.getKey(), f.getValue().deepCopy()));
            }
            return c;
        });
        lifecycle.tick();
    }

    /** A reply parsed as strictly as a request: its metadata is kept with the call, so it must round-trip too. */
    private static JsonNode parseOrNull(String text) {
        try {
            return RequestJson.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (ApiError e) {
            return null;
        }
    }
}
