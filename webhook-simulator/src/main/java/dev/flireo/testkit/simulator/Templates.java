package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{variable}}} placeholders of scenario texts with the generated data of one call. */
final class Templates {

    static final Set<String> VARIABLES = Set.of(
            "customer.name",
            "customer.firstName",
            "customer.lastName",
            "customer.number",
            "customer.email",
            "agent.name",
            "business",
            "business.number",
            "transfer.number",
            "date",
            "time",
            "call.id",
            "lead",
            "reply.error");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*}}");

    private Templates() {}

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A copy of a JSON value (tool arguments, analysis) with every text in it filled. */
    static JsonNode fill(JsonNode node, Map<String, String> values) {
        if (node.isTextual()) {
            return TextNode.valueOf(fill(node.asText(), values));
        }
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, fill(object.get(name), values)));
        } else if (copy instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), values));
            }
        }
        return copy;
    }

    /** Placeholders of the template that are not among {@link #VARIABLES}. */
    static List<String> unknown(String template) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }
}
