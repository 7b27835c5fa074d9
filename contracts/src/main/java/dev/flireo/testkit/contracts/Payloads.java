package dev.flireo.testkit.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flireo.testkit.contracts.internal.Snippets;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** Parsing, event-type look-up and dialect detection for webhook payloads. */
final class Payloads {

    /** Strict: trailing content and duplicate keys are errors, as a receiver's parser may well treat them. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> SNAKE_MARKERS = Set.of(
            "phone_number",
            "tool_call_list",
            "duration_seconds",
            "end_reason",
            "recording_url",
            "started_at",
            "ended_at");
    private static final Set<String> CAMEL_MARKERS = Set.of(
            "phoneNumber", "toolCallList", "durationSeconds", "endedReason", "recordingUrl", "startedAt", "endedAt");

    private Payloads() {}

    static Optional<JsonNode> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static Violation notJson(String json) {
        if (json == null || json.isBlank()) {
            return noBody();
        }
        try {
            JSON.readTree(json);
            return noBody();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            return new Violation(
                    Severity.ERROR,
                    "",
                    "json",
                    "a JSON document",
                    "unparsable" + where,
                    "the body is not valid JSON" + where + ": " + withoutSource(e.getOriginalMessage()));
        }
    }

    // Jackson names the (redacted) source in nested locations; keep only line and column.
    private static String withoutSource(String message) {
        return message.replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    static Violation noBody() {
        return new Violation(Severity.ERROR, "", "json", "a JSON body", "missing", "the body is empty");
    }

    static Optional<EventType> eventType(Dialect dialect, JsonNode payload) {
        JsonNode type = dialect == Dialect.LEGACY
                ? payload.path("eventType")
                : payload.path("message").path("type");
        return type.isTextual() ? byWireName(type.asText()) : Optional.empty();
    }

    static Violation whyNoEventType(Dialect dialect, JsonNode payload) {
        if (!payload.isObject()) {
            return new Violation(
                    Severity.ERROR,
                    "",
                    "type",
                    "object",
                    Snippets.typed(payload),
                    "the body must be a JSON object, got " + Snippets.typed(payload));
        }
        boolean legacy = dialect == Dialect.LEGACY;
        JsonNode owner = legacy ? payload : payload.path("message");
        String pointer = legacy ? "/eventType" : "/message/type";
        String name = legacy ? "eventType" : "type";
        if (!legacy && !owner.isObject()) {
            return owner.isMissingNode()
                    ? new Violation(
                            Severity.ERROR,
                            "/message",
                            "required",
                            "field `message`",
                            "missing",
                            "required field `message` is missing")
                    : new Violation(
                            Severity.ERROR,
                            "/message",
                            "type",
                            "object",
                            Snippets.typed(owner),
                            "`message` must be an object, got " + Snippets.typed(owner));
        }
        JsonNode value = owner.path(name);
        if (value.isMissingNode()) {
            return new Violation(
                    Severity.ERROR,
                    pointer,
                    "required",
                    "field `" + name + "`",
                    "missing",
                    "required field `" + name + "` is missing" + (legacy ? "" : " in `message`"));
        }
        return new Violation(
                Severity.ERROR,
                pointer,
                "enum",
                "one of " + EventType.wireNames(),
                value.toString(),
                "`" + name + "` must be one of " + EventType.wireNames() + ", got " + value);
    }

    static Violation undetectable(JsonNode payload) {
        return new Violation(
                Severity.ERROR,
                "",
                "webhook",
                "{\"message\":{\"type\":<event>,...}} or {\"eventType\":<event>,...}",
                payload == null ? "missing" : Snippets.typed(payload),
                "not a webhook payload: no `message.type` or `eventType` naming one of " + EventType.wireNames()
                        + " (replies and REST bodies need their contract named)");
    }

    static Optional<Detection> detect(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        JsonNode message = payload.path("message");
        if (message.isObject()) {
            return eventType(Dialect.FLIREO, payload).map(type -> new Detection(dialectOf(message), type));
        }
        return eventType(Dialect.LEGACY, payload).map(type -> new Detection(Dialect.LEGACY, type));
    }

    // Flireo and VoiceDock differ only in casing: count the spellings that give each away.
    private static Dialect dialectOf(JsonNode message) {
        int snake = 0;
        int camel = 0;
        for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            snake += SNAKE_MARKERS.contains(name) ? 1 : 0;
            camel += CAMEL_MARKERS.contains(name) ? 1 : 0;
        }
        String callType = message.path("call").path("type").asText("");
        snake += callType.contains("_") ? 1 : 0;
        camel += !callType.isEmpty() && !callType.contains("_") ? 1 : 0;
        return snake > camel ? Dialect.VOICEDOCK : Dialect.FLIREO;
    }

    private static Optional<EventType> byWireName(String name) {
        for (EventType type : EventType.values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
