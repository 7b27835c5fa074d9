package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The fields of a webhook ({@code {"message": {...}}}) that the clinic acts on, in either spelling: the Flireo pages'
 * camelCase or the HMS/VoiceDock SDK's snake_case (what the mock's live calls send by default).
 */
record WebhookEvent(String type, String callId, String customerNumber, Instant timestamp, JsonNode message) {

    /** Reads an event, or says which field is missing or malformed (the sender gets it as a 400). */
    static WebhookEvent of(JsonNode body) {
        JsonNode message = body.path("message");
        if (!message.isObject()) {
            throw new BadWebhook("expected a Flireo webhook {\"message\": {...}}, found no `message` object");
        }
        return new WebhookEvent(
                required(message, "type", "message.type"),
                required(message.path("call"), "id", "message.call.id"),
                message.path("customer").path("number").asText(null),
                instant(message),
                message);
    }

    String text(String field) {
        return message.path(field).isTextual() ? message.get(field).asText() : null;
    }

    /** True for the snake_case dialect, told by its own field names. */
    boolean snakeCase() {
        return message.has("phone_number")
                || message.has("tool_call_list")
                || message.has("end_reason")
                || message.has("duration_seconds");
    }

    /** The field in this event's spelling: {@code name("toolCallList", "tool_call_list")}. */
    String name(String camel, String snake) {
        return snakeCase() ? snake : camel;
    }

    /** Why the call ended ({@code endedReason} / {@code end_reason}), or null. */
    String endReason() {
        return text(name("endedReason", "end_reason"));
    }

    private static String required(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadWebhook("`" + path + "` is missing or not a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode message) {
        String text = message.path("timestamp").asText("");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadWebhook("`message.timestamp` must be an ISO 8601 time such as 2025-12-13T12:00:00.000Z, got '"
                    + text + "'");
        }
    }

    /** A webhook the clinic cannot read: answered with 400 and this message. */
    static final class BadWebhook extends RuntimeException {
        BadWebhook(String message) {
            super(message);
        }
    }
}
