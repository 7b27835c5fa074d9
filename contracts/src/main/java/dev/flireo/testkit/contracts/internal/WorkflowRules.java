package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a workflow definition that its schema cannot express (a graph's ids, entry and edges), as the
 * SDK's docs describe an invalid workflow. Checked beside the schema (a node the schema refuses still has an id the
 * edges can name), so one answer lists every problem of a definition; each problem is a {@link RequestProblem#RULE}.
 */
final class WorkflowRules {

    private WorkflowRules() {}

    /** Every broken rule of a create or update body's {@code definition}; empty when it keeps them all. */
    static List<RequestProblem> of(JsonNode body) {
        JsonNode def = body == null ? null : body.get("definition");
        List<RequestProblem> problems = new ArrayList<>();
        if (def == null || !def.path("nodes").isArray()) {
            return problems;
        }
        Map<String, String> types = new HashMap<>();
        int n = 0;
        for (JsonNode node : def.path("nodes")) {
            String id = node.path("id").asText();
            if (types.put(id, node.path("type").asText()) != null) {
                problems.add(problem("definition.nodes[" + n + "].id", "node id \"" + id + "\" is used twice"));
            }
            n++;
        }
        String entry = def.path("entry_node").asText();
        if (!"conversation".equals(types.get(entry))) {
            problems.add(
                    problem("definition.entry_node", "expected the id of a conversation node, got \"" + entry + "\""));
        }
        edges(def, types, problems);
        return problems;
    }

    private static void edges(JsonNode def, Map<String, String> types, List<RequestProblem> problems) {
        Set<String> pairs = new HashSet<>();
        Map<String, Integer> outgoing = new HashMap<>();
        int i = 0;
        for (JsonNode edge : def.path("edges")) {
            String from = edge.path("from").asText();
            String to = edge.path("to").asText();
            String where = "definition.edges[" + i++ + "]";
            if (!types.containsKey(from) || !types.containsKey(to)) {
                String end = types.containsKey(from) ? "to" : "from";
                problems.add(problem(
                        where + "." + end,
                        "expected the id of a node, got \"" + edge.path(end).asText() + "\""));
                continue;
            }
            if (from.equals(to)) {
                problems.add(problem(where + ".to", "is a self-loop on \"" + from + "\"; expected another node"));
            }
            if (!pairs.add(from + "->" + to)) {
                problems.add(problem(where, "duplicates the edge " + from + " -> " + to));
            }
            String fromType = types.get(from);
            if (fromType.equals("transfer") || fromType.equals("end")) {
                problems.add(problem(
                        where + ".from", "\"" + from + "\" is a terminal " + fromType + " node; no edge leaves it"));
            }
            if (!fromType.equals("tool") && edge.path("description").asText("").isBlank()) {
                problems.add(problem(
                        where + ".description", "expected a description on an edge that does not leave a tool node"));
            }
            outgoing.merge(from, 1, Integer::sum);
        }
        outgoing.forEach((node, count) -> {
            if ("tool".equals(types.get(node)) && count > 1) {
                problems.add(problem(
                        "definition.edges",
                        "tool node \"" + node + "\" has " + count + " outgoing edges; expected exactly one"));
            }
        });
    }

    private static RequestProblem problem(String field, String message) {
        return RequestProblem.of(RequestProblem.RULE, field, message);
    }
}
