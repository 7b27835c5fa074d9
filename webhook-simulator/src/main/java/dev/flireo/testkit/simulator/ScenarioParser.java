package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a scenario file and checks it, naming the line and the expected value of every mistake. */
final class ScenarioParser {

    private static final Set<String> TOP_KEYS =
            new LinkedHashSet<>(List.of("name", "description", "call", "calls", "language", "business", "steps"));
    private static final List<String> KINDS = List.of("assistant-request", "status", "greeting", "assistant", "user",
            "tool-calls", "end-of-call-report");
    private static final Pattern GAP = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final int MAX_CALLS = 10_000;

    private final YamlTree yaml;
    private final Set<String> textLanguages = new TreeSet<>(Text.LANGUAGES);
    private final List<String> textPointers = new ArrayList<>();

    private ScenarioParser(YamlTree yaml) {
        this.yaml = yaml;
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
                throw yaml.error("/" + key, "unknown key '" + key + "'; expected one of " + String.join(", ", TOP_KEYS));
            }
        });
        String name = requiredString("/name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw yaml.error("/name", "name must be lowercase letters, digits and dashes, got '" + name + "'");
        }
        String description = requiredString("/description");
        CallType callType = callType();
        int calls = calls();
        Text business = root.has("business") ? text("/business") : null;
        List<Step> steps = steps(callType);
        return new ScenarioSpec(name, description.strip(), callType, calls, languages(), business, steps);
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

    private List<String> languages() {
        JsonNode node = yaml.root.path("language");
        if (node.isMissingNode()) {
            if (textLanguages.isEmpty()) {
                throw yaml.error("/steps", "the texts share no language; give every text both nl and en, or the same");
            }
            return List.copyOf(textLanguages);
        }
        List<String> wanted = new ArrayList<>();
        if (node.isTextual()) {
            wanted.add(node.asText());
        } else {
            node.forEach(item -> wanted.add(item.asText()));
        }
        for (String language : wanted) {
            if (!Text.LANGUAGES.contains(language)) {
                throw yaml.error("/language", "language must be nl or en (or a list of them), got '" + language + "'");
            }
            for (String pointer : textPointers) {
                if (!yaml.root.at(pointer).isTextual() && !yaml.root.at(pointer).has(language)) {
                    throw yaml.error(pointer, "this text has no '" + language + "' version, which language asks for");
                }
            }
        }
        return List.copyOf(new TreeSet<>(wanted));
    }

    private List<Step> steps(CallType callType) {
        JsonNode node = yaml.root.path("steps");
        if (!node.isArray() || node.isEmpty()) {
            throw yaml.error("/steps", "steps is required: a list such as '- status: in-progress'");
        }
        List<Step> steps = new ArrayList<>();
        boolean eventSeen = false;
        for (int i = 0; i < node.size(); i++) {
            Step step = step("/steps/" + i, node.get(i));
            if (step instanceof Step.AssistantRequest) {
                if (callType != CallType.INBOUND) {
                    throw yaml.error("/steps/" + i, "assistant-request is sent only for inbound calls (call: inbound)");
                }
                if (eventSeen) {
                    throw yaml.error("/steps/" + i, "assistant-request must come before every other event");
                }
            }
            eventSeen |= !(step instanceof Step.Say);
            steps.add(step);
        }
        return steps;
    }

    private Step step(String pointer, JsonNode node) {
        if (!node.isObject()) {
            throw yaml.error(pointer, "a step is a mapping such as '- user: Hallo' or '- status: ended'");
        }
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(key -> {
            if (KINDS.contains(key)) {
                kinds.add(key);
            } else if (!Set.of("after", "reason", "error").contains(key)) {
                throw yaml.error(pointer + "/" + key, "unknown key '" + key + "'; a step is one of "
                        + String.join(", ", KINDS) + ", optionally with after");
            }
        });
        if (kinds.size() != 1) {
            throw yaml.error(pointer, "a step needs exactly one of " + String.join(", ", KINDS) + ", got " + kinds);
        }
        String kind = kinds.get(0);
        if (!kind.equals("status") && (node.has("reason") || node.has("error"))) {
            throw yaml.error(pointer, "reason and error belong to a status step");
        }
        Duration after = gap(pointer + "/after", node.get("after"));
        String at = pointer + "/" + kind;
        return switch (kind) {
            case "assistant-request" -> new Step.AssistantRequest(expectation(at, node.get(kind)), after);
            case "status" -> status(pointer, node, after);
            case "greeting" -> new Step.Say("assistant", text(at), true, after);
            case "assistant", "user" -> new Step.Say(kind, text(at), false, after);
            case "tool-calls" -> new Step.ToolCalls(tools(at, node.get(kind)), after);
            default -> report(at, node.get(kind), after);
        };
    }

    private Step.Expectation expectation(String pointer, JsonNode node) {
        JsonNode value = node.isObject() ? node.path("expect") : node;
        if (value.isNull() || value.isMissingNode()) {
            return Step.Expectation.ACCEPT;
        }
        return switch (value.asText()) {
            case "accept" -> Step.Expectation.ACCEPT;
            case "personalised" -> Step.Expectation.PERSONALISED;
            case "rejected" -> Step.Expectation.REJECTED;
            default -> throw yaml.error(pointer, "expect must be accept, personalised or rejected, got '"
                    + value.asText() + "'");
        };
    }

    private Step status(String pointer, JsonNode node, Duration after) {
        CallStatus status;
        try {
            status = CallStatus.fromWireName(node.get("status").asText());
        } catch (IllegalArgumentException e) {
            throw yaml.error(pointer + "/status", e.getMessage());
        }
        boolean withError = status == CallStatus.ENDED_WITH_ERROR;
        if (withError != node.has("error")) {
            throw yaml.error(pointer, withError ? "status ended-with-error needs an error text"
                    : "error belongs only to status ended-with-error");
        }
        if (node.has("reason") && status != CallStatus.ENDED && !withError) {
            throw yaml.error(pointer + "/reason", "reason belongs only to an ended status");
        }
        String reason = node.has("reason") ? node.get("reason").asText() : null;
        return new Step.Status(status, reason, withError ? text(pointer + "/error") : null, after);
    }

    private List<Step.ToolSpec> tools(String pointer, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw yaml.error(pointer, "tool-calls needs a list of tools, each with name and arguments");
        }
        List<Step.ToolSpec> tools = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode tool = node.get(i);
            String name = tool.path("name").asText("");
            if (!TOOL_NAME.matcher(name).matches()) {
                throw yaml.error(at, "a tool needs a name of letters, digits, _ and - (starting with a letter or _),"
                        + " got '" + name + "'");
            }
            JsonNode arguments = tool.path("arguments");
            if (arguments.isMissingNode() || arguments.isNull()) {
                arguments = CallEvents.JSON.createObjectNode();
            } else if (!arguments.isObject()) {
                throw yaml.error(at + "/arguments", "arguments must be a mapping (a JSON object), got " + arguments);
            }
            checkPlaceholders(at + "/arguments", arguments);
            tools.add(new Step.ToolSpec(name, arguments));
        }
        return tools;
    }

    private Step report(String pointer, JsonNode node, Duration after) {
        if (!node.isObject() || !node.has("summary")) {
            throw yaml.error(pointer, "end-of-call-report needs a summary (text or nl/en texts)");
        }
        Text summary = text(pointer + "/summary");
        Map<String, JsonNode> analysis = new LinkedHashMap<>();
        JsonNode value = node.path("analysis");
        if (value.isObject()) {
            boolean perLanguage = !value.isEmpty() && Text.LANGUAGES.containsAll(fieldNames(value))
                    && fieldNames(value).stream().allMatch(key -> value.get(key).isObject());
            for (String language : Text.LANGUAGES) {
                JsonNode part = perLanguage ? value.get(language) : value;
                if (part != null) {
                    checkPlaceholders(pointer + "/analysis", part);
                    analysis.put(language, part);
                }
            }
        } else if (!value.isMissingNode()) {
            throw yaml.error(pointer + "/analysis", "analysis must be a mapping, got " + value);
        }
        return new Step.Report(summary, analysis, after);
    }

    private Text text(String pointer) {
        JsonNode node = yaml.root.at(pointer);
        textPointers.add(pointer);
        if (node.isTextual()) {
            checkPlaceholders(pointer, node);
            return Text.any(node.asText());
        }
        if (node.isObject() && !node.isEmpty() && Text.LANGUAGES.containsAll(fieldNames(node))) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String language : fieldNames(node)) {
                if (!node.get(language).isTextual()) {
                    throw yaml.error(pointer + "/" + language, "expected a text");
                }
                checkPlaceholders(pointer + "/" + language, node.get(language));
                texts.put(language, node.get(language).asText());
            }
            textLanguages.retainAll(texts.keySet());
            return new Text(texts);
        }
        throw yaml.error(pointer, "expected a text, or texts per language under nl and en, got " + node);
    }

    private void checkPlaceholders(String pointer, JsonNode node) {
        if (node.isTextual()) {
            List<String> unknown = Templates.unknown(node.asText());
            if (!unknown.isEmpty()) {
                throw yaml.error(pointer, "unknown placeholder {{" + unknown.get(0) + "}}; known: "
                        + String.join(", ", new TreeSet<>(Templates.VARIABLES)));
            }
        }
        node.properties().forEach(e -> checkPlaceholders(pointer + "/" + e.getKey(), e.getValue()));
        for (int i = 0; i < node.size() && node.isArray(); i++) {
            checkPlaceholders(pointer + "/" + i, node.get(i));
        }
    }

    private Duration gap(String pointer, JsonNode node) {
        if (node == null) {
            return null;
        }
        Matcher matcher = GAP.matcher(node.asText().strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw yaml.error(pointer, "after must be a duration such as 800ms, 2s, 1.5s or 1m, got '"
                    + node.asText() + "'");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        BigDecimal millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount.movePointRight(3);
            default -> amount.multiply(BigDecimal.valueOf(60_000));
        };
        if (millis.compareTo(BigDecimal.valueOf(3_600_000)) > 0) {
            throw yaml.error(pointer, "after must be at most 60m, got '" + node.asText() + "'");
        }
        return Duration.ofMillis(millis.longValue());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
