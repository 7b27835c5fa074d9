package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a careful integrator writes: verifies the signature and freshness, refuses replays, answers assistant-request
 * and tool-calls in the dialect of the event, acknowledges the rest. {@code ?mode=personalise} or
 * {@code ?mode=reject} in the target URL select the assistant-request answer.
 */
final class WellBehavedHandler implements Receiver.Handler {

    private final String secret;
    private final Set<String> seenSignatures = ConcurrentHashMap.newKeySet();

    WellBehavedHandler(String secret) {
        this.secret = secret;
    }

    @Override
    public Receiver.Reply handle(Receiver.Received request) {
        if (secret != null) {
            SignatureCheck check = WebhookSignature.verifier(secret).verify(request.headers(), request.body());
            if (!check.valid()) {
                return new Receiver.Reply(401, "{\"error\":\"" + check.reason() + "\"}");
            }
            if (!seenSignatures.add(request.headers().get("X-Webhook-Signature"))) {
                return new Receiver.Reply(409, "{\"error\":\"replayed delivery\"}");
            }
        }
        JsonNode event = request.json();
        boolean legacy = event.has("eventType");
        boolean snake = event.path("message").has("phone_number");
        String mode = request.query() == null ? "" : request.query().replace("mode=", "");
        return switch (request.event()) {
            case "assistant-request" -> Receiver.Reply.ok(assistant(mode, legacy, snake));
            case "tool-calls" -> Receiver.Reply.ok(results(event, legacy, snake).toString());
            default -> new Receiver.Reply(200, null);
        };
    }

    private static String assistant(String mode, boolean legacy, boolean snake) {
        if (mode.equals("reject")) {
            return legacy ? "{}" : "{\"error\":\"Sorry, we zijn op dit moment gesloten. Bel terug tijdens kantooruren.\"}";
        }
        String greeting = snake ? "first_message" : "firstMessage";
        if (mode.equals("personalise") || legacy) {
            return "{\"assistant\":{\"" + greeting + "\":\"Hallo, fijn dat je weer belt!\",\"metadata\":{\"crm_id\":\"12345\"}}}";
        }
        return "{}";
    }

    private static ObjectNode results(JsonNode event, boolean legacy, boolean snake) {
        ObjectNode reply = Receiver.JSON.createObjectNode();
        ArrayNode results = reply.putArray("results");
        JsonNode calls = legacy ? event.path("tasksInitiated")
                : event.path("message").path(snake ? "tool_call_list" : "toolCallList");
        for (JsonNode call : calls) {
            ObjectNode result = results.addObject();
            result.put(snake ? "tool_call_id" : "toolCallId", call.path(legacy ? "taskId" : "id").asText());
            if (legacy) {
                result.put("result", "Gelukt");
            } else {
                result.putObject("result").put("ok", true);
            }
        }
        return reply;
    }
}
