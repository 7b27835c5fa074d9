package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import java.util.List;

/** Reads what an assistant-request reply asks the platform to do, in the documented order of precedence. */
final class AssistantReply {

    /** Fields of an assistant that a reply must nest in {@code assistant}; at the top level the platform ignores them. */
    private static final List<String> ASSISTANT_FIELDS = List.of(
            "firstMessage",
            "first_message",
            "systemPrompt",
            "system_prompt",
            "model",
            "voice",
            "transcriber",
            "llmConfig",
            "llm_config",
            "sttConfig",
            "stt_config",
            "ttsConfig",
            "tts_config",
            "metadata",
            "name",
            "voicemailDetection",
            "voicemail_detection",
            "voicemailMessage",
            "voicemail_message",
            "tools",
            "analysisPlan",
            "analysis_plan");

    private AssistantReply() {}

    /** The reply's {@code error}: the text spoken before the call is rejected; {@code null} when it accepts. */
    static String rejection(JsonNode reply) {
        JsonNode error = reply.path("error");
        return error.isTextual() && !error.asText().isBlank() ? error.asText() : null;
    }

    /** The greeting the reply sets, in either spelling; {@code null} when it keeps the default greeting. */
    static String greeting(JsonNode reply) {
        for (String block : new String[] {"assistant", "assistant_override"}) {
            for (String key : new String[] {"firstMessage", "first_message"}) {
                JsonNode value = reply.path(block).path(key);
                if (value.isTextual() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
        }
        return null;
    }

    /**
     * When assistant fields sit at the top level of an assistant-request reply (without {@code assistant}), the
     * hint to wrap them; {@code null} otherwise. The legacy reply is a full assistant with its own top level.
     */
    static String unwrappedHint(JsonNode reply, Dialect dialect) {
        if (dialect == Dialect.LEGACY || reply.has("assistant")) {
            return null;
        }
        List<String> misplaced = ASSISTANT_FIELDS.stream().filter(reply::has).toList();
        if (misplaced.isEmpty()) {
            return null;
        }
        String first = misplaced.get(0);
        return "`" + String.join("`, `", misplaced) + "` "
                + (misplaced.size() == 1 ? "is an assistant field" : "are assistant fields")
                + " at the top level of the reply, where the platform ignores "
                + (misplaced.size() == 1 ? "it" : "them") + ": wrap " + (misplaced.size() == 1 ? "it" : "them")
                + " in `assistant`, e.g. {\"assistant\":{\"" + first + "\":" + reply.get(first) + "}}";
    }

    /** The metadata the platform echoes in later events, or {@code null}. */
    static ObjectNode metadata(JsonNode reply) {
        for (String block : new String[] {"assistant", "assistant_override"}) {
            JsonNode metadata = reply.path(block).path("metadata");
            if (metadata.isObject()) {
                return (ObjectNode) metadata;
            }
        }
        return null;
    }

    static String describe(JsonNode reply, Dialect dialect) {
        String rejection = rejection(reply);
        if (rejection != null) {
            return "rejects the call with \"" + rejection + "\"";
        }
        if (reply.isEmpty()) {
            return "{} keeps the default configuration";
        }
        String greeting = greeting(reply);
        StringBuilder what = new StringBuilder(
                reply.has("assistant_id")
                        ? "switches to assistant " + reply.get("assistant_id").asText()
                        : "overrides the configuration");
        if (greeting != null) {
            what.append(", greeting \"").append(greeting).append('"');
        }
        JsonNode limit =
                reply.has("maxDurationSeconds") ? reply.get("maxDurationSeconds") : reply.get("max_duration_seconds");
        if (limit != null) {
            what.append(", limit ").append(limit.asText()).append(" s");
        }
        return dialect == Dialect.LEGACY
                ? "returns an assistant configuration" + (greeting == null ? "" : " with greeting \"" + greeting + '"')
                : what.toString();
    }
}
