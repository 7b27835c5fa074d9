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
import java.util.Comparator;
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

    /** Keywords whose failure only summarises the failures of their branches. */
    private static final Set<String> COMPOSITE = Set.of("oneOf", "anyOf", "allOf", "not", "if", "then", "else");

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

    /** Most relevant first: a missing field, then concrete rules before summaries, the deepest field first. */
    private static final Comparator<Problem> RELEVANCE = Comparator
            .comparing((Problem p) -> !"required".equals(p.keyword()))
            .thenComparing(p -> COMPOSITE.contains(p.keyword()))
            .thenComparing(p -> -depth(p.field()))
            .thenComparing(Problem::field);

    /** The problem to report when there is room for one (a query parameter's single value). */
    public static Problem mostRelevant(List<Problem> problems) {
        return relevant(problems).get(0);
    }

    /**
     * The problems to report, each field and message once: missing fields first (outermost first), then the rest
     * in the order found.
     * A oneOf/anyOf summary goes when a concrete rule at or under its field says more; of the branches of one
     * oneOf/anyOf only the one holding the most relevant problem counts (what the other branches would need is
     * noise: the body is not that kind).
     */
    public static List<Problem> relevant(List<Problem> problems) {
        List<Problem> kept = matchingBranches(problems);
        List<Problem> concrete = kept.stream().filter(p -> !COMPOSITE.contains(p.keyword())).toList();
        Map<String, String> chosen = new java.util.HashMap<>();
        Map<String, Problem> out = new java.util.LinkedHashMap<>();
        for (Problem p : kept.stream().sorted(RELEVANCE).toList()) {
            boolean summarised = COMPOSITE.contains(p.keyword()) && concrete.stream().anyMatch(c -> under(c.field(), p.field()));
            Map<String, String> branches = branches(p);
            if (summarised || branches.entrySet().stream().anyMatch(b -> !chosen.getOrDefault(b.getKey(), b.getValue()).equals(b.getValue()))) {
                continue;
            }
            chosen.putAll(branches);
            out.putIfAbsent(p.field() + "\n" + p.message(), p);
        }
        return out.values().stream().sorted(Comparator.comparing((Problem p) -> !"required".equals(p.keyword()))
                .thenComparing(p -> "required".equals(p.keyword()) ? depth(p.field()) : 0)
                .thenComparing(kept::indexOf)).toList();
    }

    private static boolean under(String field, String parent) {
        return parent.isEmpty() || field.equals(parent) || field.startsWith(parent + ".") || field.startsWith(parent + "[");
    }

    /**
     * The oneOf/anyOf branches a problem was found in: "schema path @ body location" of each oneOf/anyOf on its
     * evaluation path, to the branch index. The body location tells the items of an array apart.
     */
    private static Map<String, String> branches(Problem p) {
        Map<String, String> out = new java.util.HashMap<>();
        String[] tokens = p.evaluationPath().split("/");
        List<String> location = java.util.Arrays.stream(p.field().split("\\.|(?=\\[)")).filter(t -> !t.isEmpty()).toList();
        int depth = 0;
        for (int i = 0; i < tokens.length - 1; i++) {
            switch (tokens[i]) {
                case "properties", "patternProperties", "prefixItems" -> {
                    depth++;
                    i++;
                }
                case "items", "additionalProperties", "additionalItems", "unevaluatedItems", "unevaluatedProperties",
                     "contains" -> depth++;
                case "oneOf", "anyOf" -> {
                    String where = String.join("/", location.subList(0, Math.min(depth, location.size())));
                    out.put(String.join("/", java.util.Arrays.copyOfRange(tokens, 0, i)) + "@" + where, tokens[i + 1]);
                    i++;
                }
                default -> {
                }
            }
        }
        return out;
    }

    /**
     * In a oneOf/anyOf, a branch whose {@code const} (a discriminator such as {@code type}) or {@code false}
     * schema failed is a different kind of object: its complaints are noise. Keeps the other branches' problems.
     */
    private static List<Problem> matchingBranches(List<Problem> problems) {
        Set<String> wrongBranches = new java.util.HashSet<>();
        for (Problem p : problems) {
            String branch = branch(p.evaluationPath());
            if (branch != null && (p.keyword().equals("const") || p.keyword().equals("false"))) {
                wrongBranches.add(branch);
            }
        }
        List<Problem> kept = problems.stream()
                .filter(p -> p.keyword().equals("oneOf") || p.keyword().equals("anyOf")
                        || !wrongBranches.contains(branch(p.evaluationPath())))
                .toList();
        if (kept.stream().anyMatch(p -> !COMPOSITE.contains(p.keyword()))) {
            return kept;
        }
        // No branch takes the discriminator's value: that is the problem, not what some branch would also need.
        List<Problem> consts = problems.stream().filter(p -> p.keyword().equals("const")).toList();
        if (consts.isEmpty()) {
            return problems;
        }
        String field = consts.get(0).field();
        List<String> allowed = consts.stream().filter(p -> p.field().equals(field) && p.schema() != null)
                .map(p -> p.schema().asText()).distinct().toList();
        return List.of(new Problem("enum", field, "expected one of " + String.join(", ", allowed), null, ""));
    }

    private static String branch(String evaluationPath) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?/(?:oneOf|anyOf)/\\d+)").matcher(evaluationPath);
        return m.find() ? m.group(1) : null;
    }

    private static int depth(String field) {
        return field.isEmpty() ? 0 : field.split("[.\\[]").length;
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
