package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Renames the other spellings a property's {@code x-aliases} lists (e.g. {@code voice_id}, {@code assistant_id})
 * to the canonical name before validation and storage, walking the request body along its schema.
 */
public final class AliasNormalizer {

    private static final int MAX_DEPTH = 16;

    private final Map<String, ApiSpec> specsByFile;

    public AliasNormalizer(Map<String, ApiSpec> specsByFile) {
        this.specsByFile = specsByFile;
    }

    public void normalize(ApiSpec spec, JsonNode schema, JsonNode value) {
        walk(spec, schema, value, 0);
    }

    private void walk(ApiSpec spec, JsonNode schema, JsonNode value, int depth) {
        if (schema == null || value == null || depth > MAX_DEPTH || !(value.isObject() || value.isArray())) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            ApiSpec target = hash > 0 ? specsByFile.get(ref.substring(ref.lastIndexOf('/', hash) + 1, hash)) : spec;
            if (target != null) {
                walk(target, target.at(ref.substring(hash)), value, depth + 1);
            }
        }
        for (String composite : new String[] {"allOf", "oneOf", "anyOf"}) {
            for (JsonNode branch : schema.path(composite)) {
                walk(spec, branch, value, depth + 1);
            }
        }
        walk(spec, schema.get("then"), value, depth + 1);
        if (value instanceof ObjectNode object) {
            renameAliases(spec, schema.path("properties"), object, depth);
        } else if (schema.has("items")) {
            for (JsonNode element : value) {
                walk(spec, schema.get("items"), element, depth + 1);
            }
        }
    }

    private void renameAliases(ApiSpec spec, JsonNode properties, ObjectNode object, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            for (JsonNode alias : property.getValue().path("x-aliases")) {
                if (object.has(alias.asText()) && !object.has(name)) {
                    object.set(name, object.remove(alias.asText()));
                }
            }
            if (object.has(name)) {
                walk(spec, property.getValue(), object.get(name), depth + 1);
            }
        }
    }
}
