package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the data a scenario puts into events: the tools of a tool-calls step (names and arguments) and the summary
 * and analysis of the end-of-call-report.
 */
final class EventDataParser {

    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private final YamlTree yaml;
    private final ScenarioTexts texts;

    EventDataParser(YamlTree yaml, ScenarioTexts texts) {
        this.yaml = yaml;
        this.texts = texts;
    }

    List<Step.ToolSpec> tools(String pointer, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw yaml.error(pointer, "tool-calls needs a list of tools, each with name and arguments");
        }
        List<Step.ToolSpec> tools = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode tool = node.get(i);
            String name = tool.path("name").asText("");
            if (!TOOL_NAME.matcher(name).matches()) {
                throw yaml.error(
                        at,
                        "a tool needs a name of letters, digits, _ and - (starting with a letter or _)," + " got '"
                                + name + "'");
            }
            JsonNode arguments = tool.path("arguments");
            if (arguments.isMissingNode() || arguments.isNull()) {
                arguments = CallEvents.JSON.createObjectNode();
            } else if (!arguments.isObject()) {
                throw yaml.error(at + "/arguments", "arguments must be a mapping (a JSON object), got " + arguments);
            }
            texts.checkPlaceholders(at + "/arguments", arguments);
            tools.add(new Step.ToolSpec(name, arguments));
        }
        return tools;
    }

    Step report(String pointer, JsonNode node, Duration after) {
        if (!node.isObject() || !node.has("summary")) {
            throw yaml.error(pointer, "end-of-call-report needs a summary (text or nl/en texts)");
        }
        Text summary = texts.text(pointer + "/summary");
        return new Step.Report(summary, analysis(pointer + "/analysis", node.path("analysis")), after);
    }

    /** One analysis object for every language, or one per language under {@code nl} and {@code en}. */
    private Map<String, JsonNode> analysis(String pointer, JsonNode value) {
        Map<String, JsonNode> analysis = new LinkedHashMap<>();
        if (value.isObject()) {
            List<String> keys = ScenarioTexts.fieldNames(value);
            boolean perLanguage = !value.isEmpty()
                    && Text.LANGUAGES.containsAll(keys)
                    && keys.stream().allMatch(key -> value.get(key).isObject());
            for (String language : Text.LANGUAGES) {
                JsonNode part = perLanguage ? value.get(language) : value;
                if (part != null) {
                    texts.checkPlaceholders(pointer, part);
                    analysis.put(language, part);
                }
            }
        } else if (!value.isMissingNode()) {
            throw yaml.error(pointer, "analysis must be a mapping, got " + value);
        }
        return analysis;
    }
}
