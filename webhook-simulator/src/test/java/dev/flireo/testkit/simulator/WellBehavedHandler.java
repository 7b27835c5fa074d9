package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.util.function.Function;

/**
 * What a careful integrator writes: answers assistant-request and tool-calls in the dialect of the event and
 * acknowledges the rest; with a secret, the receiver also verifies signature and freshness and refuses replays.
 * {@code ?mode=personalise} or {@code ?mode=reject} in the target URL select the assistant-request answer.
 */
final class WellBehavedHandler implements Function<ReceivedWebhook, Reply> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WellBehavedHandler() {}

    /** A receiver playing the careful integrator; {@code secret} {@code null} for one that checks no signature. */
    static WebhookReceiver receiver(String secret) {
        WebhookReceiver receiver = WebhookReceiver.start().replyToAll(new WellBehavedHandler());
        return secret == null ? receiver : receiver.requireSignature(secret).refuseReplays();
    }

    @Override
    public Reply apply(ReceivedWebhook request) {
        JsonNode event = request.json();
        boolean legacy = event.has("eventType");
        boolean snake = event.path("message").has("phone_number");
        String mode = request.query() == null ? "" : request.query().replace("mode=", "");
        return switch (request.event()) {
            case "assistant-request" -> Reply.json(assistant(mode, legacy, snake));
            case "tool-calls" -> Reply.json(results(event, legacy, snake).toString());
            default -> Reply.status(200);
        };
    }

    private static String assistant(String mode, boolean legacy, boolean snake) {
        if (mode.equals("reject")) {
            return legacy
                    ? "{}"
                    : "{\"error\":\"Sorry, we zijn op dit moment gesloten. Bel terug tijdens kantooruren.\"}";
        }
        String greeting = snake ? "first_message" : "firstMessage";
        if (mode.equals("personalise") || legacy) {
            return "{\"assistant\":{\"" + greeting
                    + "\":\"Hallo, fijn dat je weer belt!\",\"metadata\":{\"crm_id\":\"12345\"}}}";
        }
        return "{}";
    }

    private static ObjectNode results(JsonNode event, boolean legacy, boolean snake) {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode results = reply.putArray("results");
        JsonNode calls = legacy
                ? event.path("tasksInitiated")
                : event.path("message").path(snake ? "tool_call_list" : "toolCallList");
        for (JsonNode call : calls) {
            ObjectNode result = results.addObject();
            result.put(
                    snake ? "tool_call_id" : "toolCallId",
                    call.path(legacy ? "taskId" : "id").asText());
            if (legacy) {
                result.put("result", "Gelukt");
            } else {
                result.putObject("result").put("ok", true);
            }
        }
        return reply;
    }
}
