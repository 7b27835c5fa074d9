package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What the contract says about the value at one place of a payload: its declared fields, their other spellings,
 * whether undeclared fields are expected, and the constraints a value must meet. Built lazily from the spec's
 * schemas ({@code $ref}, {@code allOf}, {@code anyOf}/{@code oneOf} branches, {@code if}/{@code then},
 * {@code dependentSchemas}) and cached, so a payload walk costs a few map look-ups per field. Thread-safe.
 */
public final class FieldModel {

    private final List<Located> schemas;
    private final Map<String, FieldModel> properties = new ConcurrentHashMap<>();
    private volatile Facts facts;
    private volatile FieldModel items;
    private volatile FieldModel additional;

    private FieldModel(List<Located> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    public static FieldModel of(SchemaRef ref) {
        return new FieldModel(List.of(new Located(ref, ref.node())));
    }

    public Facts facts() {
        Facts known = facts;
        if (known == null) {
            known = Facts.of(schemas);
            facts = known;
        }
        return known;
    }

    /** The model of a declared field's value, or {@code null} when the field is not declared. */
    public FieldModel property(String name) {
        FieldModel known = properties.get(name);
        if (known != null) {
            return known;
        }
        List<Located> declared = facts().properties().get(name);
        return declared == null ? null : properties.computeIfAbsent(name, n -> new FieldModel(declared));
    }

    /** The model of undeclared fields' values when {@code additionalProperties} is a schema, else {@code null}. */
    public FieldModel additional() {
        if (additional == null && !facts().additional().isEmpty()) {
            additional = new FieldModel(facts().additional());
        }
        return additional;
    }

    /** The model of array elements, or {@code null} when the schema says nothing about them. */
    public FieldModel items() {
        if (items == null && !facts().items().isEmpty()) {
            items = new FieldModel(facts().items());
        }
        return items;
    }

    /** A schema node together with where it lives, to resolve its relative {@code $ref}s. */
    record Located(SchemaRef at, JsonNode node) {

        Located resolve(String ref) {
            SchemaRef target = at.resolve(ref);
            return new Located(target, target.node());
        }

        Located child(String... segments) {
            SchemaRef child = at.child(segments);
            return new Located(child, child.node());
        }
    }

    /**
     * The facts of one place.
     *
     * @param properties declared field name to the schemas of its value, in declaration order
     * @param aliases other spellings ({@code x-aliases}) to the declared name
     * @param required fields every branch requires (from {@code required} outside {@code anyOf}/{@code oneOf}/{@code if})
     * @param open whether undeclared fields are expected (free-form objects, {@code additionalProperties: true})
     * @param types the JSON types allowed; empty when any
     * @param enumValues the allowed values ({@code enum} or {@code const}); empty when unrestricted
     * @param components the named components that shape the value, e.g. {@code E164}, {@code Timestamp}
     * @param format the {@code format} asserted, or {@code null}
     * @param limits {@code minLength}, {@code minItems}, {@code minimum}, {@code maximum} when declared
     * @param alternatives each {@code anyOf}/{@code oneOf} that applies here, as its branches' object shapes
     * @param enforced the declared fields whose schema always applies (declared outside any branch)
     */
    public record Facts(
            Map<String, List<Located>> properties,
            Map<String, String> aliases,
            Set<String> required,
            boolean open,
            List<Pattern> patternProperties,
            List<Located> additional,
            List<Located> items,
            Set<String> types,
            List<JsonNode> enumValues,
            Set<String> components,
            String format,
            Map<String, JsonNode> limits,
            List<List<Alternative>> alternatives,
            Set<String> enforced) {

        private static final List<String> LIMITS = List.of("minLength", "minItems", "minimum", "maximum");

        public boolean declares(String name) {
            return properties.containsKey(name)
                    || patternProperties.stream().anyMatch(p -> p.matcher(name).find());
        }

        static Facts of(List<Located> schemas) {
            List<Contribution> all = new ArrayList<>();
            Set<String> components = new LinkedHashSet<>();
            Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Located schema : schemas) {
                flatten(schema, true, all, seen, components);
            }
            Map<String, List<Located>> properties = new LinkedHashMap<>();
            Map<String, String> aliases = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            List<Pattern> patterns = new ArrayList<>();
            List<Located> additional = new ArrayList<>();
            List<Located> items = new ArrayList<>();
            Map<String, JsonNode> limits = new LinkedHashMap<>();
            List<List<Alternative>> alternatives = new ArrayList<>();
            Set<String> enforced = new LinkedHashSet<>();
            boolean declared = false;
            boolean open = false;
            String format = null;
            for (Contribution c : all) {
                JsonNode node = c.schema().node();
                JsonNode props = node.path("properties");
                props.fieldNames().forEachRemaining(name -> {
                    properties
                            .computeIfAbsent(name, n -> new ArrayList<>())
                            .add(c.schema().child("properties", name));
                    props.get(name).path("x-aliases").forEach(alias -> aliases.put(alias.asText(), name));
                });
                node.path("patternProperties").fieldNames().forEachRemaining(p -> patterns.add(Pattern.compile(p)));
                declared |= node.has("properties") || node.has("patternProperties");
                if (node.has("items") && node.get("items").isObject()) {
                    items.add(c.schema().child("items"));
                }
                if (format == null && node.hasNonNull("format")) {
                    format = node.get("format").asText();
                }
                if (c.chain()) {
                    props.fieldNames().forEachRemaining(enforced::add);
                    node.path("required").forEach(name -> required.add(name.asText()));
                    JsonNode extra = node.path("additionalProperties");
                    open |= extra.isBoolean() && extra.asBoolean();
                    if (extra.isObject()) {
                        additional.add(c.schema().child("additionalProperties"));
                    }
                    LIMITS.stream().filter(node::has).forEach(limit -> limits.putIfAbsent(limit, node.get(limit)));
                    for (String keyword : List.of("anyOf", "oneOf")) {
                        List<Alternative> branches = new ArrayList<>();
                        each(
                                c.schema(),
                                keyword,
                                branch -> branches.add(
                                        Alternative.of(branch.at().target().node())));
                        if (!branches.isEmpty()) {
                            alternatives.add(branches);
                        }
                    }
                } else {
                    open |= acceptsAnyObject(node);
                }
            }
            aliases.keySet().removeAll(properties.keySet());
            return new Facts(
                    properties,
                    aliases,
                    required,
                    open || !declared || !additional.isEmpty(),
                    patterns,
                    additional,
                    items,
                    typesOf(schemas),
                    enumOf(schemas),
                    components,
                    format,
                    limits,
                    alternatives,
                    enforced);
        }

        // A branch such as ToolCallsReply's "Data directly": any object at all is a documented shape.
        private static boolean acceptsAnyObject(JsonNode branch) {
            JsonNode type = branch.path("type");
            boolean objectAllowed = type.isMissingNode() || type.asText().equals("object");
            return objectAllowed
                    && !branch.has("properties")
                    && !branch.has("required")
                    && !branch.has("maxProperties")
                    && !branch.has("$ref")
                    && !branch.has("const")
                    && !branch.has("enum")
                    && !branch.path("additionalProperties").isObject()
                    && !(branch.path("additionalProperties").isBoolean()
                            && !branch.get("additionalProperties").asBoolean());
        }

        private static void flatten(
                Located schema, boolean chain, List<Contribution> into, Set<JsonNode> seen, Set<String> components) {
            JsonNode node = schema.node();
            if (!node.isObject() || !seen.add(node)) {
                return;
            }
            into.add(new Contribution(schema, chain));
            if (node.has("$ref")) {
                Located target = schema.resolve(node.get("$ref").asText());
                components.add(target.at().name());
                flatten(target, chain, into, seen, components);
            }
            each(schema, "allOf", member -> flatten(member, chain, into, seen, components));
            each(schema, "anyOf", member -> flatten(member, false, into, seen, components));
            each(schema, "oneOf", member -> flatten(member, false, into, seen, components));
            for (String branch : List.of("then", "else")) {
                if (node.has(branch)) {
                    flatten(schema.child(branch), false, into, seen, components);
                }
            }
            node.path("dependentSchemas")
                    .fieldNames()
                    .forEachRemaining(
                            name -> flatten(schema.child("dependentSchemas", name), false, into, seen, components));
        }

        private static void each(Located schema, String keyword, Consumer<Located> action) {
            JsonNode members = schema.node().path(keyword);
            for (int i = 0; i < members.size(); i++) {
                action.accept(schema.child(keyword, Integer.toString(i)));
            }
        }

        /** The JSON types a value may have: declared {@code type}, through {@code $ref}/{@code allOf}, or every branch's. */
        private static Set<String> typesOf(List<Located> schemas) {
            Set<String> types = new LinkedHashSet<>();
            for (Located schema : schemas) {
                types.addAll(typesOf(schema, 0));
            }
            return types;
        }

        private static Set<String> typesOf(Located schema, int depth) {
            JsonNode node = schema.node();
            Set<String> types = new LinkedHashSet<>();
            if (depth > 16 || !node.isObject()) {
                return types;
            }
            if (node.has("type")) {
                JsonNode type = node.get("type");
                if (type.isArray()) {
                    type.forEach(t -> types.add(t.asText()));
                } else {
                    types.add(type.asText());
                }
                return types;
            }
            if (node.has("$ref")) {
                types.addAll(typesOf(schema.resolve(node.get("$ref").asText()), depth + 1));
            }
            each(schema, "allOf", member -> types.addAll(typesOf(member, depth + 1)));
            for (String keyword : List.of("anyOf", "oneOf")) {
                Set<String> union = new LinkedHashSet<>();
                boolean everyBranchTyped = node.has(keyword);
                for (int i = 0; i < node.path(keyword).size(); i++) {
                    Set<String> branch = typesOf(schema.child(keyword, Integer.toString(i)), depth + 1);
                    everyBranchTyped &= !branch.isEmpty();
                    union.addAll(branch);
                }
                if (everyBranchTyped) {
                    types.addAll(union);
                }
            }
            return types;
        }

        private static List<JsonNode> enumOf(List<Located> schemas) {
            for (Located schema : schemas) {
                List<JsonNode> values = enumOf(schema, 0);
                if (!values.isEmpty()) {
                    return values;
                }
            }
            return List.of();
        }

        private static List<JsonNode> enumOf(Located schema, int depth) {
            JsonNode node = schema.node();
            if (depth > 16 || !node.isObject()) {
                return List.of();
            }
            if (node.has("const")) {
                return List.of(node.get("const"));
            }
            if (node.has("enum")) {
                List<JsonNode> values = new ArrayList<>();
                node.get("enum").forEach(values::add);
                return values;
            }
            List<JsonNode> found =
                    node.has("$ref") ? enumOf(schema.resolve(node.get("$ref").asText()), depth + 1) : List.of();
            for (int i = 0; found.isEmpty() && i < node.path("allOf").size(); i++) {
                found = enumOf(schema.child("allOf", Integer.toString(i)), depth + 1);
            }
            return found;
        }
    }

    /**
     * One branch of an {@code anyOf}/{@code oneOf}, as far as object shapes go.
     *
     * @param required the fields the branch requires
     * @param noFields the branch demands an empty object ({@code maxProperties: 0})
     * @param objectAllowed the branch admits objects at all (not {@code type: "null"}, say)
     */
    public record Alternative(Set<String> required, boolean noFields, boolean objectAllowed) {

        static Alternative of(JsonNode branch) {
            Set<String> required = new LinkedHashSet<>();
            branch.path("required").forEach(name -> required.add(name.asText()));
            JsonNode type = branch.path("type");
            boolean object = type.isMissingNode()
                    || type.asText().equals("object")
                    || (type.isArray() && type.toString().contains("\"object\""));
            return new Alternative(required, branch.path("maxProperties").asInt(-1) == 0, object);
        }

        /** Whether an object with these field names fits the branch's shape. */
        public boolean admits(Set<String> fieldNames) {
            return objectAllowed && fieldNames.containsAll(required) && (!noFields || fieldNames.isEmpty());
        }
    }

    private record Contribution(Located schema, boolean chain) {}
}
