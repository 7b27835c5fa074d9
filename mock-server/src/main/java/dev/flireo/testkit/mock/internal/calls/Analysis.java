package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.Json;
import java.util.Iterator;
import java.util.Map;

/** The structured data an analysis plan asks for, filled with typed sample values. */
final class Analysis {
    private Analysis() {}

    static JsonNode sample(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return NullNode.instance;
        }
        return value(schema, 0);
    }

    private static JsonNode value(JsonNode schema, int depth) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).deepCopy();
        }
        String type = schema.path("type").isArray()
                ? schema.path("type").get(0).asText()
                : schema.path("type").asText("object");
        switch (type) {
            case "integer":
                return Json.MAPPER
                        .getNodeFactory()
                        .numberNode(Math.max(0, schema.path("minimum").asInt(7)));
            case "number":
                return Json.MAPPER
                        .getNodeFactory()
                        .numberNode(Math.max(0, schema.path("minimum").asDouble(0.8)));
            case "boolean":
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            case "string":
                return Json.MAPPER.getNodeFactory().textNode("sample");
            case "array": {
                ArrayNode a = Json.array();
                if (depth < 4 && schema.has("items")) {
                    a.add(value(schema.get("items"), depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = Json.object();
                if (depth < 4) {
                    for (Iterator<Map.Entry<String, JsonNode>> it =
                                    schema.path("properties").fields();
                            it.hasNext(); ) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), value(p.getValue(), depth + 1));
                    }
                }
                return o;
            }
        }
    }
}
