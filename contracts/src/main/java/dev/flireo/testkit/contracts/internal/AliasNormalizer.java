package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Renames the other spellings a property's {@code x-aliases} lists (e.g. {@code voiceId}, {@code assistantId}) to
 * the documented name, in place, walking a REST request body along its schema: what the platform accepts, so the
 * mock, the proxy and {@code flireo validate} all rename before they validate.
 */
public final class AliasNormalizer {

    private static final int MAX_DEPTH = 16;

    private AliasNormalizer() {}

    public static void normalize(SchemaRef schema, JsonNode value) {
        walk(schema, schema.node(), value, 0);
    }

    /** {@code at} locates {@code schema}, so its relative {@code $ref}s resolve in the right document. */
    private static void walk(SchemaRef at, JsonNode schema, JsonNode value, int depth) {
        if (schema == null || value == null || depth > MAX_DEPTH || !(value.isObject() || value.isArray())) {
            return;
        }
        if (schema.has("$ref")) {
            SchemaRef target = at.resolve(schema.get("$ref").asText());
            walk(target, target.node(), value, depth + 1);
        }
        for (String composite : new String[] {"allOf", "oneOf", "anyOf"}) {
            for (JsonNode branch : schema.path(composite)) {
                walk(at, branch, value, depth + 1);
            }
        }
        walk(at, schema.get("then"), value, depth + 1);
        if (value instanceof ObjectNode object) {
            renameAliases(at, schema.path("properties"), object, depth);
        } else if (schema.has("items")) {
            for (JsonNode element : value) {
                walk(at, schema.get("items"), element, depth + 1);
            }
        }
    }

    private static void renameAliases(SchemaRef at, JsonNode properties, ObjectNode object, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            for (JsonNode alias : property.getValue().path("x-aliases")) {
                if (object.has(alias.asText()) && !object.has(name)) {
                    object.set(name, object.remove(alias.asText()));
                }
            }
            if (object.has(name)) {
                walk(at, property.getValue(), object.get(name), depth + 1);
            }
        }
    }
}
