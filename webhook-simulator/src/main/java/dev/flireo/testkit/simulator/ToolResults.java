package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Dialect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that a tool-calls reply answers every tool call id, whichever documented reply form it uses. */
final class ToolResults {

    private ToolResults() {}

    static Verdict judge(Map<String, String> calls, JsonNode reply, Dialect dialect) {
        Set<String> ids = calls.keySet();
        if (reply.has("results")) {
            Set<String> answered = new LinkedHashSet<>();
            reply.get("results").forEach(item -> {
                JsonNode id = item.has("toolCallId") ? item.get("toolCallId") : item.get("tool_call_id");
                if (id != null) {
                    answered.add(id.asText());
                }
            });
            Set<String> missing = new LinkedHashSet<>(ids);
            missing.removeAll(answered);
            Set<String> unknown = new LinkedHashSet<>(answered);
            unknown.removeAll(ids);
            if (!missing.isEmpty()) {
                return Verdict.fail("no result for tool call id " + String.join(", ", missing)
                        + "; the agent waits for it in vain");
            }
            if (!unknown.isEmpty()) {
                return Verdict.fail("results for unknown tool call id " + String.join(", ", unknown) + "; expected "
                        + String.join(", ", ids));
            }
            return Verdict.pass("results for all " + ids.size() + " tool call id" + (ids.size() == 1 ? "" : "s"));
        }
        if (dialect == Dialect.LEGACY) {
            return Verdict.fail("the legacy platform needs {\"results\":[{\"toolCallId\":...,\"result\":\"...\"}]}");
        }
        String form = reply.has("result")
                ? "a single result"
                : AssistantReply.rejection(reply) != null && reply.size() == 1 ? "a tool error" : "the data directly";
        if (ids.size() > 1) {
            // The pages document these forms without saying what they do with several calls (inferred): one
            // answer can only be one call's result, and the first is the one the model asked for first.
            String first = ids.iterator().next();
            List<String> others = ids.stream()
                    .skip(1)
                    .map(id -> calls.get(id) + " (" + id + ")")
                    .toList();
            return Verdict.warn("answered " + ids.size() + " tool calls with " + form + ", which the platform "
                    + "accepts as the answer to the first, " + calls.get(first) + " (" + first + "); "
                    + String.join(", ", others) + " get" + (others.size() == 1 ? "s" : "") + " no result of "
                    + "its own. Reply with results[] keyed by tool call id to answer each");
        }
        return Verdict.pass("answered with " + form);
    }
}
