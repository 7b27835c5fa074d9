package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A YAML document read into a JSON tree that remembers the line of every node, for errors that name the line. */
final class YamlTree {

    private static final YAMLFactory YAML = new YAMLFactory();

    final JsonNode root;
    private final Map<String, Integer> lines;
    final String source;

    private YamlTree(JsonNode root, Map<String, Integer> lines, String source) {
        this.root = root;
        this.lines = lines;
        this.source = source;
    }

    static YamlTree parse(String text, String source) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new ScenarioException(source + ": the file is empty; expected a scenario with name and steps");
            }
            JsonNode root = read(parser, "", lines);
            return new YamlTree(root, lines, source);
        } catch (IOException e) {
            throw new ScenarioException(
                    source + ": not valid YAML: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    /** The 1-based line of the node at this JSON pointer (or of its nearest parent). */
    int line(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
        }
    }

    ScenarioException error(String pointer, String message) {
        return new ScenarioException(
                source + " line " + line(pointer) + " (" + (pointer.isEmpty() ? "/" : pointer) + "): " + message);
    }

    private static JsonNode read(JsonParser parser, String pointer, Map<String, Integer> lines) throws IOException {
        lines.put(pointer, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser, pointer + "/" + name, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, pointer + "/" + index++, lines));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return nodes.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(parser.getBooleanValue());
            }
            default -> {
                return nodes.nullNode();
            }
        }
    }
}
