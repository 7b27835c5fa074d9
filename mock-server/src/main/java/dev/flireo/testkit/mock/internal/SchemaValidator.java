package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates JSON against schemas of the bundled specs (OpenAPI 3.1 = JSON Schema 2020-12) with networknt. Schemas
 * are compiled once per pointer and cached; {@code $ref}s resolve against the spec file on the classpath, so the
 * legacy spec's references into flireo-api.yaml work too.
 */
public final class SchemaValidator {

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> cache = new ConcurrentHashMap<>();

    /**
     * networknt is handed the specs already parsed (as JSON text, which parses ten times faster than the YAML), so
     * each document is read from YAML once per server.
     */
    public SchemaValidator(java.util.Collection<ApiSpec> specs) {
        Map<String, byte[]> documents = new ConcurrentHashMap<>();
        specs.forEach(spec -> documents.put(spec.location(), Json.bytes(spec.tree())));
        com.networknt.schema.resource.SchemaLoader preParsed = iri -> {
            byte[] document = documents.get(iri.toString());
            return document == null ? null : () -> new java.io.ByteArrayInputStream(document);
        };
        // JSON Schema 2020-12 plus OpenAPI's own words (x-*, example, discriminator...), which validate nothing.
        com.networknt.schema.JsonMetaSchema openApi = com.networknt.schema.JsonMetaSchema
                .builder("https://spec.openapis.org/oas/3.1/dialect/base", com.networknt.schema.JsonMetaSchema.getV202012())
                .unknownKeywordFactory((keyword, context) -> new com.networknt.schema.NonValidationKeyword(keyword))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(openApi)
                .defaultMetaSchemaIri(openApi.getIri())
                .yamlMapper(Json.MAPPER)
                .schemaLoaders(loaders -> loaders.values(list -> list.add(0, preParsed))));
    }

    /** Compiles the schema at a pointer now, so the first request that needs it does not wait. */
    public void warm(ApiSpec spec, String pointer) {
        cache.computeIfAbsent(spec.location() + "#" + pointer, key -> load(spec, pointer));
    }

    /** A single failed rule, with the field path in dotted form ({@code llm_config.tools[0].name}). */
    public record Problem(String keyword, String field, String message, JsonNode schema, String evaluationPath) {
    }

    public List<Problem> validate(ApiSpec spec, String pointer, JsonNode value) {
        JsonSchema schema = cache.computeIfAbsent(spec.location() + "#" + pointer, key -> load(spec, pointer));
        Set<ValidationMessage> messages = schema.validate(value);
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String field = field(m.getInstanceLocation());
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
            }
            problems.add(new Problem(m.getType(), field, describe(m), m.getSchemaNode(), m.getEvaluationPath().toString()));
        }
        return problems;
    }

    /**
     * Loads the schema at a pointer of the whole document, so its {@code #/components/...} references resolve.
     * A schema that is a bare local $ref is loaded at its target (shorter, and free of the braces of path keys).
     */
    private JsonSchema load(ApiSpec spec, String pointer) {
        JsonNode node = spec.at(pointer);
        String target = pointer;
        if (node.size() == 1 && node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            target = node.get("$ref").asText().substring(1);
        }
        String fragment = target.replace("{", "%7B").replace("}", "%7D");
        return factory.getSchema(SchemaLocation.of(spec.location() + "#" + fragment), config);
    }

    private static String field(JsonNodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }

    private static String describe(ValidationMessage m) {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        String reason = colon >= 0 && (colon == 0 || text.startsWith("/")) ? text.substring(colon + 2) : text;
        if ("enum".equals(m.getType()) && m.getSchemaNode() != null && m.getSchemaNode().isArray()) {
            return "expected one of " + join(m.getSchemaNode());
        }
        return reason;
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.isNull() ? "null" : v.asText()));
        return out.stream().collect(Collectors.joining(", "));
    }
}
