package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a scenario's texts (one text, or one per language under {@code nl} and {@code en}), checks their
 * {@code {{placeholders}}}, and remembers every text so the scenario's {@code language} can be checked against them.
 */
final class ScenarioTexts {

    private final YamlTree yaml;
    private final Set<String> sharedLanguages = new TreeSet<>(Text.LANGUAGES);
    private final List<String> pointers = new ArrayList<>();

    ScenarioTexts(YamlTree yaml) {
        this.yaml = yaml;
    }

    Text text(String pointer) {
        JsonNode node = yaml.root.at(pointer);
        pointers.add(pointer);
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
            sharedLanguages.retainAll(texts.keySet());
            return new Text(texts);
        }
        throw yaml.error(pointer, "expected a text, or texts per language under nl and en, got " + node);
    }

    /**
     * The scenario's {@code language} (one or a list), each checked against every text read so far; without it,
     * every language all texts have.
     */
    List<String> languages() {
        JsonNode node = yaml.root.path("language");
        if (node.isMissingNode()) {
            if (sharedLanguages.isEmpty()) {
                throw yaml.error("/steps", "the texts share no language; give every text both nl and en, or the same");
            }
            return List.copyOf(sharedLanguages);
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
            for (String pointer : pointers) {
                if (!yaml.root.at(pointer).isTextual() && !yaml.root.at(pointer).has(language)) {
                    throw yaml.error(pointer, "this text has no '" + language + "' version, which language asks for");
                }
            }
        }
        return List.copyOf(new TreeSet<>(wanted));
    }

    /** Refuses a {@code {{placeholder}}} anywhere in the node that {@link Templates} cannot fill. */
    void checkPlaceholders(String pointer, JsonNode node) {
        if (node.isTextual()) {
            List<String> unknown = Templates.unknown(node.asText());
            if (!unknown.isEmpty()) {
                throw yaml.error(
                        pointer,
                        "unknown placeholder {{" + unknown.get(0) + "}}; known: "
                                + String.join(", ", new TreeSet<>(Templates.VARIABLES)));
            }
        }
        node.properties().forEach(e -> checkPlaceholders(pointer + "/" + e.getKey(), e.getValue()));
        for (int i = 0; i < node.size() && node.isArray(); i++) {
            checkPlaceholders(pointer + "/" + i, node.get(i));
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
