package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of a scenario's {@code steps}: which kind it is, its {@code after} gap, and the assistant-request
 * and status steps; the tool-calls and end-of-call-report steps carry data that {@link EventDataParser} reads.
 */
final class StepParser {

    private static final List<String> KINDS =
            List.of("assistant-request", "status", "greeting", "assistant", "user", "tool-calls", "end-of-call-report");
    private static final Set<String> MODIFIERS = Set.of("after", "reason", "error");
    private static final Pattern GAP = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");
    private static final BigDecimal MAX_GAP_MILLIS = BigDecimal.valueOf(3_600_000);

    private final YamlTree yaml;
    private final ScenarioTexts texts;
    private final EventDataParser eventData;

    StepParser(YamlTree yaml, ScenarioTexts texts) {
        this.yaml = yaml;
        this.texts = texts;
        this.eventData = new EventDataParser(yaml, texts);
    }

    Step step(String pointer, JsonNode node) {
        if (!node.isObject()) {
            throw yaml.error(pointer, "a step is a mapping such as '- user: Hallo' or '- status: ended'");
        }
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(key -> {
            if (KINDS.contains(key)) {
                kinds.add(key);
            } else if (!MODIFIERS.contains(key)) {
                throw yaml.error(
                        pointer + "/" + key,
                        "unknown key '" + key + "'; a step is one of " + String.join(", ", KINDS)
                                + ", optionally with after");
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
            case "greeting" -> new Step.Say("assistant", texts.text(at), true, after);
            case "assistant", "user" -> new Step.Say(kind, texts.text(at), false, after);
            case "tool-calls" -> new Step.ToolCalls(eventData.tools(at, node.get(kind)), after);
            default -> eventData.report(at, node.get(kind), after);
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
            default ->
                throw yaml.error(
                        pointer, "expect must be accept, personalised or rejected, got '" + value.asText() + "'");
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
            throw yaml.error(
                    pointer,
                    withError
                            ? "status ended-with-error needs an error text"
                            : "error belongs only to status ended-with-error");
        }
        if (node.has("reason") && status != CallStatus.ENDED && !withError) {
            throw yaml.error(pointer + "/reason", "reason belongs only to an ended status");
        }
        String reason = node.has("reason") ? node.get("reason").asText() : null;
        if (reason != null) {
            try {
                EndReason.fromWireName(reason);
            } catch (IllegalArgumentException e) {
                throw yaml.error(pointer + "/reason", e.getMessage());
            }
        }
        return new Step.Status(status, reason, withError ? texts.text(pointer + "/error") : null, after);
    }

    /** The scripted gap before a step ({@code 800ms}, {@code 2s}, {@code 1.5s}, {@code 1m}); null when absent. */
    private Duration gap(String pointer, JsonNode node) {
        if (node == null) {
            return null;
        }
        Matcher matcher = GAP.matcher(node.asText().strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw yaml.error(
                    pointer, "after must be a duration such as 800ms, 2s, 1.5s or 1m, got '" + node.asText() + "'");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        BigDecimal millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount.movePointRight(3);
            default -> amount.multiply(BigDecimal.valueOf(60_000));
        };
        if (millis.compareTo(MAX_GAP_MILLIS) > 0) {
            throw yaml.error(pointer, "after must be at most 60m, got '" + node.asText() + "'");
        }
        return Duration.ofMillis(millis.longValue());
    }
}
