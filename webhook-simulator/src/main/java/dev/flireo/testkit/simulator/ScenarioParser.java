package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario file and checks it, naming the line and the expected value of every mistake. This class reads
 * the document's top level and the order of its steps; {@link StepParser} reads each step and
 * {@link ScenarioTexts} the texts and the languages they share.
 */
final class ScenarioParser {

    private static final Set<String> TOP_KEYS =
            new LinkedHashSet<>(List.of("name", "description", "call", "calls", "language", "business", "steps"));
    private static final int MAX_CALLS = 10_000;

    private final YamlTree yaml;
    private final ScenarioTexts texts;
    private final StepParser steps;

    private ScenarioParser(YamlTree yaml) {
        this.yaml = yaml;
        this.texts = new ScenarioTexts(yaml);
        this.steps = new StepParser(yaml, texts);
    }

    static ScenarioSpec parse(String text, String source) {
        return new ScenarioParser(YamlTree.parse(text, source)).scenario();
    }

    private ScenarioSpec scenario() {
        JsonNode root = yaml.root;
        if (!root.isObject()) {
            throw yaml.error("", "expected a mapping with " + String.join(", ", TOP_KEYS));
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP_KEYS.contains(key)) {
                throw yaml.error(
                        "/" + key, "unknown key '" + key + "'; expected one of " + String.join(", ", TOP_KEYS));
            }
        });
        String name = requiredString("/name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw yaml.error("/name", "name must be lowercase letters, digits and dashes, got '" + name + "'");
        }
        String description = requiredString("/description");
        CallType callType = callType();
        int calls = calls();
        Text business = root.has("business") ? texts.text("/business") : null;
        List<Step> steps = steps(callType);
        // Last: the languages a scenario can play are those every text read above has.
        List<String> languages = texts.languages();
        return new ScenarioSpec(name, description.strip(), callType, calls, languages, business, steps);
    }

    private String requiredString(String pointer) {
        JsonNode node = yaml.root.at(pointer);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw yaml.error(pointer, pointer.substring(1) + " is required (text)");
        }
        return node.asText();
    }

    private CallType callType() {
        String value = requiredString("/call");
        return switch (value) {
            case "inbound" -> CallType.INBOUND;
            case "outbound" -> CallType.OUTBOUND;
            case "web" -> CallType.WEB;
            default -> throw yaml.error("/call", "call must be inbound, outbound or web, got '" + value + "'");
        };
    }

    private int calls() {
        JsonNode node = yaml.root.path("calls");
        if (node.isMissingNode()) {
            return 1;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_CALLS) {
            throw yaml.error("/calls", "calls must be a whole number from 1 to " + MAX_CALLS + ", got " + node);
        }
        return node.asInt();
    }

    private List<Step> steps(CallType callType) {
        JsonNode node = yaml.root.path("steps");
        if (!node.isArray() || node.isEmpty()) {
            throw yaml.error("/steps", "steps is required: a list such as '- status: in-progress'");
        }
        List<Step> list = new ArrayList<>();
        boolean eventSeen = false;
        for (int i = 0; i < node.size(); i++) {
            Step step = steps.step("/steps/" + i, node.get(i));
            if (step instanceof Step.AssistantRequest) {
                if (callType != CallType.INBOUND) {
                    throw yaml.error("/steps/" + i, "assistant-request is sent only for inbound calls (call: inbound)");
                }
                if (eventSeen) {
                    throw yaml.error("/steps/" + i, "assistant-request must come before every other event");
                }
            }
            eventSeen |= !(step instanceof Step.Say);
            list.add(step);
        }
        return list;
    }
}
