package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The fields of a Flireo webhook ({@code {"message": {...}}}, camelCase) that the clinic acts on. */
record WebhookEvent(String type, String callId, String customerNumber, Instant timestamp, JsonNode message) {

    /** Reads an event, or says which field is missing or malformed (the sender gets it as a 400). */
    static WebhookEvent of(JsonNode body) {
        JsonNode message = body.path("message");
        if (!message.isObject()) {
            throw new BadWebhook("expected a Flireo webhook {\"message\": {...}}, found no `message` object");
        }
        return new WebhookEvent(required(message, "type", "message.type"), required(message.path("call"), "id", "message.call.id"),
                message.path("customer").path("number").asText(null), instant(message), message);
    }

    String text(String field) {
        return message.path(field).isTextual() ? message.get(field).asText() : null;
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
