package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.util.List;

/**
 * The reply contracts of the three OpenAPI documents, checked by hand until the contracts module's validator is
 * available: {@code AssistantRequestReply}, {@code ToolCallsReply} (and their VoiceDock and legacy forms).
 */
final class InterimReplyContract {

    private InterimReplyContract() {
    }

    static void check(Dialect dialect, EventType event, JsonNode reply, List<String> problems) {
        if (event == EventType.ASSISTANT_REQUEST) {
            if (dialect == Dialect.LEGACY) {
                legacyAssistant(reply, problems);
            } else {
                assistant(dialect, reply, problems);
            }
        } else if (event == EventType.TOOL_CALLS) {
            if (dialect == Dialect.LEGACY) {
                legacyToolResults(reply, problems);
            } else {
                toolResults(dialect, reply, problems);
            }
        }
    }

    private static void assistant(Dialect dialect, JsonNode reply, List<String> problems) {
        String maxDuration = dialect == Dialect.VOICEDOCK ? "max_duration_seconds" : "maxDurationSeconds";
        if (reply.has("error") && (!reply.get("error").isTextual() || reply.get("error").asText().isEmpty())) {
            problems.add("/error must be a non-empty string");
        }
        if (reply.has("assistant") && !reply.get("assistant").isObject()) {
            problems.add("/assistant must be an object");
        }
        if (reply.has("assistant_override") && !reply.get("assistant_override").isObject()) {
            problems.add("/assistant_override must be an object");
        }
        if (reply.has("assistant_id") && reply.has("assistant")) {
            problems.add("/assistant and /assistant_id exclude each other");
        }
        if (reply.has("assistant_override") && !reply.has("assistant_id")) {
            problems.add("/assistant_id is required when assistant_override is given");
        }
        if (reply.has("assistant_id") && !reply.get("assistant_id").asText().matches(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            problems.add("/assistant_id must be a UUID");
        }
        if (reply.has(maxDuration) && !(reply.get(maxDuration).canConvertToInt()
                && reply.get(maxDuration).isIntegralNumber() && reply.get(maxDuration).asInt() >= 1)) {
            problems.add("/" + maxDuration + " must be an integer of at least 1");
        }
        JsonNode greeting = reply.path("assistant").path(dialect == Dialect.VOICEDOCK ? "first_message" : "firstMessage");
        if (!greeting.isMissingNode() && !greeting.isTextual()) {
            problems.add("/assistant/" + (dialect == Dialect.VOICEDOCK ? "first_message" : "firstMessage")
                    + " must be a string");
        }
        boolean known = reply.isEmpty() || reply.has("assistant") || reply.has("assistant_id")
                || reply.has("error") || reply.has(maxDuration);
        if (!known) {
            problems.add("expected {}, assistant, assistant_id with assistant_override, error or " + maxDuration
                    + ", got only " + fieldNames(reply));
        }
    }

    private static void legacyAssistant(JsonNode reply, List<String> problems) {
        JsonNode assistant = reply.path("assistant");
        if (!assistant.isObject()) {
            problems.add("/assistant is required: the legacy platform needs the full assistant configuration");
        } else if (assistant.isEmpty()) {
            problems.add("/assistant must have at least one property");
        }
    }

    private static void toolResults(Dialect dialect, JsonNode reply, List<String> problems) {
        String idName = dialect == Dialect.VOICEDOCK ? "tool_call_id" : "toolCallId";
        if (reply.has("error") && !(reply.get("error").isTextual() && !reply.get("error").asText().isEmpty())) {
            problems.add("/error must be a non-empty string");
        }
        if (!reply.has("results")) {
            return;
        }
        JsonNode results = reply.get("results");
        if (!results.isArray() || results.isEmpty()) {
            problems.add("/results must be a non-empty array");
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            JsonNode item = results.get(i);
            if (!item.isObject()) {
                problems.add("/results/" + i + " must be an object");
                continue;
            }
            JsonNode id = item.has(idName) ? item.get(idName) : item.get(alias(idName));
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                problems.add("/results/" + i + "/" + idName + " is required (a non-empty string)");
            }
            if (!item.has("result")) {
                problems.add("/results/" + i + "/result is required");
            }
        }
    }

    private static void legacyToolResults(JsonNode reply, List<String> problems) {
        JsonNode results = reply.path("results");
        if (!results.isArray() || results.isEmpty()) {
            problems.add("/results is required: one entry per task");
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            JsonNode item = results.get(i);
            if (!item.path("toolCallId").isTextual() || item.path("toolCallId").asText().isEmpty()) {
                problems.add("/results/" + i + "/toolCallId is required (the task's taskId)");
            }
            if (!item.path("result").isTextual()) {
                problems.add("/results/" + i + "/result must be a string");
            }
        }
    }

    private static String alias(String idName) {
        return idName.equals("toolCallId") ? "tool_call_id" : "toolCallId";
    }

    private static String fieldNames(JsonNode reply) {
        StringBuilder names = new StringBuilder();
        reply.fieldNames().forEachRemaining(n -> names.append(names.length() == 0 ? "" : ", ").append(n));
        return names.toString();
    }
}
