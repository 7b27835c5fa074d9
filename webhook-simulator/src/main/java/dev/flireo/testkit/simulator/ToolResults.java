package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Dialect;
import java.util.LinkedHashSet;
import java.util.Set;

/** Checks that a tool-calls reply answers every tool call id, whichever documented reply form it uses. */
final class ToolResults {

    private ToolResults() {
    }

    static Verdict judge(Set<String> ids, JsonNode reply, Dialect dialect) {
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
                return Verdict.fail("results for unknown tool call id " + String.join(", ", unknown)
                        + "; expected " + String.join(", ", ids));
            }
            return Verdict.pass("results for all " + ids.size() + " tool call id" + (ids.size() == 1 ? "" : "s"));
        }
        if (dialect == Dialect.LEGACY) {
            return Verdict.fail("the legacy platform needs {\"results\":[{\"toolCallId\":...,\"result\":\"...\"}]}");
        }
        String form = reply.has("result") ? "a single result"
                : AssistantReply.rejection(reply) != null && reply.size() == 1 ? "a tool error"
                : "the data directly";
        if (ids.size() > 1) {
            return Verdict.fail(form + " cannot answer " + ids.size() + " tool calls ("
                    + String.join(", ", ids) + "); reply with results[] keyed by tool call id");
        }
        return Verdict.pass("answered with " + form);
    }
}
