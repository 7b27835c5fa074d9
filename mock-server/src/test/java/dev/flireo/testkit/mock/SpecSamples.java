package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.ApiContracts;
import dev.flireo.testkit.mock.internal.Route;
import dev.flireo.testkit.mock.internal.RouteTable;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the served specs say a request looks like, read from the same {@link RouteTable} route table the mock serves:
 * each operation's valid request body (one of its examples, else a sample built from its schema), the fields of
 * that body with their schemas, and sample values for path parameters.
 */
final class SpecSamples {

    /** A field of a request body: its dotted path (the form the mock's errors name) and its resolved schema. */
    record Field(String path, List<String> steps, JsonNode schema) {}

    static final RouteTable FLIREO = RouteTable.flireo();
    static final RouteTable LEGACY = RouteTable.legacy();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SpecSamples() {}

    static List<Route> routes() {
        List<Route> all = new ArrayList<>(FLIREO.routes());
        all.addAll(LEGACY.routes());
        return all;
    }

    static ApiContracts contracts(Route route) {
        return route.spec() == FLIREO ? ApiContracts.flireo() : ApiContracts.legacy();
    }

    private static final Map<Route, java.util.Optional<ObjectNode>> VALID =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A body the contracts accept for the operation, or null when neither an example nor a sample is valid. */
    static ObjectNode validBody(Route route) {
        return VALID.computeIfAbsent(route, r -> java.util.Optional.ofNullable(findValidBody(r)))
                .map(ObjectNode::deepCopy)
                .orElse(null);
    }

    private static ObjectNode findValidBody(Route route) {
        List<JsonNode> candidates = new ArrayList<>();
        JsonNode media = route.spec().at(route.requestSchema().replaceAll("/schema$", ""));
        media.path("examples").forEach(e -> candidates.add(e.path("value")));
        if (media.has("example")) {
            candidates.add(media.get("example"));
        }
        candidates.add(sample(route.spec(), route.spec().at(route.requestSchema()), 0));
        return candidates.stream()
                .filter(JsonNode::isObject)
                .map(c -> (ObjectNode) c.deepCopy())
                .filter(c ->
                        contracts(route).validateRequest(route.operationId(), c).valid())
                .findFirst()
                .orElse(null);
    }

    /** The fields of the operation's request body, two levels deep, each with its resolved schema. */
    static List<Field> fields(Route route) {
        List<Field> out = new ArrayList<>();
        collect(route.spec(), route.spec().at(route.requestSchema()), "", List.of(), out, 0);
        return out;
    }

    private static void collect(
            RouteTable spec, JsonNode schema, String prefix, List<String> steps, List<Field> out, int depth) {
        for (Map.Entry<String, JsonNode> property : properties(spec, schema).entrySet()) {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            List<String> next = new ArrayList<>(steps);
            next.add(property.getKey());
            JsonNode resolved = resolve(spec, property.getValue());
            out.add(new Field(path, List.copyOf(next), resolved));
            if (depth < 1) {
                collect(spec, resolved, path, next, out, depth + 1);
            }
        }
    }

    /** The properties a schema declares itself and through allOf, oneOf and anyOf. */
    private static Map<String, JsonNode> properties(RouteTable spec, JsonNode schema) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        JsonNode s = resolve(spec, schema);
        s.path("properties").fields().forEachRemaining(f -> out.putIfAbsent(f.getKey(), f.getValue()));
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            s.path(composite).forEach(branch -> properties(spec, branch).forEach(out::putIfAbsent));
        }
        return out;
    }

    /** The JSON types a schema allows ("integer" implies "number" is not allowed, and the reverse). */
    static Set<String> types(RouteTable spec, JsonNode schema) {
        JsonNode s = resolve(spec, schema);
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = s.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null) {
            type.forEach(t -> types.add(t.asText()));
        }
        for (String composite : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode branch : s.path(composite)) {
                Set<String> inner = types(spec, branch);
                if (inner.isEmpty() && !composite.equals("allOf")) {
                    return Set.of();
                }
                types.addAll(inner);
            }
        }
        if (s.has("const") || s.has("enum")) {
            (s.has("enum") ? s.get("enum") : NODES.arrayNode().add(s.get("const"))).forEach(v -> types.add(typeOf(v)));
        }
        return types;
    }

    static String typeOf(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "null";
        };
    }

    /** A value the schema likely accepts: its example, enum or default, else one built from its type. */
    static JsonNode sample(RouteTable spec, JsonNode schema, int depth) {
        JsonNode s = resolve(spec, schema);
        for (String key : List.of("const", "example", "default")) {
            if (s.has(key) && !s.get(key).isNull()) {
                return s.get(key).deepCopy();
            }
        }
        if (s.path("examples").isArray() && !s.path("examples").isEmpty()) {
            return s.get("examples").get(0).deepCopy();
        }
        if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
            return s.get("enum").get(0).deepCopy();
        }
        for (String composite : List.of("oneOf", "anyOf")) {
            if (s.path(composite).isArray() && !s.path(composite).isEmpty()) {
                return sample(spec, s.get(composite).get(0), depth + 1);
            }
        }
        Set<String> types = types(spec, s);
        String type = types.isEmpty()
                ? (s.has("properties") || s.has("allOf") ? "object" : "string")
                : types.iterator().next();
        return switch (type) {
            case "object" -> sampleObject(spec, s, depth);
            case "array" ->
                depth > 3 ? NODES.arrayNode() : NODES.arrayNode().add(sample(spec, s.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(s.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(s.path("minimum").asDouble(1));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(sampleString(s));
        };
    }

    private static ObjectNode sampleObject(RouteTable spec, JsonNode s, int depth) {
        ObjectNode out = NODES.objectNode();
        if (depth > 3) {
            return out;
        }
        Set<String> required = new LinkedHashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        s.path("allOf").forEach(b -> resolve(spec, b).path("required").forEach(r -> required.add(r.asText())));
        Map<String, JsonNode> properties = properties(spec, s);
        for (String name : required) {
            out.set(name, sample(spec, properties.getOrDefault(name, NODES.objectNode()), depth + 1));
        }
        return out;
    }

    private static String sampleString(JsonNode s) {
        return switch (s.path("format").asText()) {
            case "uuid" -> java.util.UUID.randomUUID().toString();
            case "date-time" -> "2025-12-13T10:00:00.000Z";
            case "date" -> "2025-12-13";
            case "email" -> "test@example.com";
            case "uri", "url" -> "https://example.com/hook";
            default -> "x".repeat(Math.max(1, s.path("minLength").asInt(1)));
        };
    }

    /** Follows $refs, also the legacy spec's references into flireo-api.yaml. */
    static JsonNode resolve(RouteTable spec, JsonNode schema) {
        JsonNode s = schema;
        RouteTable in = spec;
        for (int i = 0; i < 20 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            if (ref.startsWith("./" + SpecDocument.FLIREO_API.fileName() + "#")) {
                in = FLIREO;
                ref = ref.substring(ref.indexOf('#'));
            }
            s = in.at(ref);
        }
        return s;
    }

    /** A path parameter value its schema accepts: its example, an enum value, or a UUID. */
    static String pathValue(Route route, Route.Param param) {
        JsonNode sample = sample(route.spec(), route.spec().at(param.schema()), 0);
        return sample.isTextual() && !sample.asText().isEmpty()
                ? sample.asText()
                : java.util.UUID.randomUUID().toString();
    }

    /** Whether a value matches the pattern of a parameter's schema (true when it has none). */
    static boolean fitsPattern(Route route, Route.Param param, String value) {
        String pattern = resolve(route.spec(), route.spec().at(param.schema()))
                .path("pattern")
                .asText(null);
        return pattern == null
                || java.util.regex.Pattern.compile(pattern).matcher(value).find();
    }

    /** A copy of {@code body} with the field at {@code steps} set to {@code value}; missing parents become {}. */
    static ObjectNode with(ObjectNode body, List<String> steps, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        ObjectNode parent = copy;
        for (Iterator<String> it = steps.iterator(); it.hasNext(); ) {
            String step = it.next();
            if (!it.hasNext()) {
                parent.set(step, value);
            } else {
                if (!parent.path(step).isObject()) {
                    parent.set(step, NODES.objectNode());
                }
                parent = (ObjectNode) parent.get(step);
            }
        }
        return copy;
    }

    static ArrayNode array(JsonNode... items) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode item : items) {
            out.add(item);
        }
        return out;
    }
}
