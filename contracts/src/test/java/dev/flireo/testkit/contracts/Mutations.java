package dev.flireo.testkit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flireo.testkit.contracts.Fixtures.Fixture;
import dev.flireo.testkit.contracts.internal.Contract;
import dev.flireo.testkit.contracts.internal.FieldModel;
import dev.flireo.testkit.contracts.internal.Snippets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks a valid fixture in every way its contract forbids, one change at a time, reading what to break from the
 * schema: required fields, declared types, enums and consts, E.164/timestamp/UUID formats, the other dialect's
 * spelling, and length/size/range limits. Each mutation must be rejected with a message naming the field.
 */
final class Mutations {

    enum Kind {
        MISSING_REQUIRED,
        WRONG_TYPE,
        OUTSIDE_ENUM,
        MALFORMED,
        OTHER_CASING,
        BROKEN_LIMIT
    }

    /** One broken copy of a fixture: {@code field} is the name the rejection must mention. */
    record Mutation(Fixture base, Kind kind, String pointer, String field, JsonNode payload) {
        @Override
        public String toString() {
            return base + ": " + kind + " " + pointer;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern SNAKE_JOINT = Pattern.compile("_([a-z0-9])");

    private final Fixture base;
    private final List<Mutation> found = new ArrayList<>();

    private Mutations(Fixture base) {
        this.base = base;
    }

    static List<Mutation> of(Fixture fixture) {
        Mutations mutations = new Mutations(fixture);
        FieldModel model = Contract.of(Fixtures.contract(fixture.dialect(), fixture.event(), fixture.kind()))
                .model();
        mutations.walk(fixture.value(), model, "");
        return mutations.found;
    }

    private void walk(JsonNode node, FieldModel model, String pointer) {
        if (node.isArray() && model.items() != null && node.size() > 0) {
            walk(node.get(0), model.items(), pointer + "/0");
        }
        if (!node.isObject()) {
            return;
        }
        FieldModel.Facts facts = model.facts();
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String at = pointer + "/" + name;
            if (facts.required().contains(name)) {
                add(Kind.MISSING_REQUIRED, at, name, edit(at, (owner, key) -> owner.remove(key)));
            }
            String other = otherCasing(name);
            if (!other.equals(name) && needed(facts, names, name, other)) {
                add(Kind.OTHER_CASING, at, name, edit(at, (owner, key) -> owner.set(other, owner.remove(key))));
            }
            FieldModel child = model.property(name);
            if (child != null && facts.enforced().contains(name)) {
                breakValue(node.get(name), child.facts(), at, name);
            }
            if (child != null) {
                walk(node.get(name), child, at);
            }
        }
    }

    private void breakValue(JsonNode value, FieldModel.Facts facts, String at, String name) {
        if (!facts.types().isEmpty()) {
            wrongType(facts.types()).ifPresent(wrong -> add(Kind.WRONG_TYPE, at, name, replace(at, wrong)));
        }
        List<JsonNode> allowed = facts.enumValues();
        if (!allowed.isEmpty()) {
            JsonNode outside = allowed.get(0).isTextual() ? TextNode.valueOf("not-a-" + name) : IntNode.valueOf(12345);
            if (!allowed.contains(outside)) {
                add(Kind.OUTSIDE_ENUM, at, name, replace(at, outside));
            }
            String otherValue = otherCasing(value.asText());
            if (value.isTextual()
                    && !otherValue.equals(value.asText())
                    && !allowed.contains(TextNode.valueOf(otherValue))) {
                add(Kind.OTHER_CASING, at, name, replace(at, TextNode.valueOf(otherValue)));
            }
        }
        if (value.isTextual()) {
            malformed(facts).ifPresent(bad -> add(Kind.MALFORMED, at, name, replace(at, TextNode.valueOf(bad))));
        }
        breakLimits(value, facts.limits(), at, name);
    }

    private static Optional<JsonNode> wrongType(Set<String> types) {
        List<JsonNode> candidates = List.of(
                TextNode.valueOf("wrong-type"),
                IntNode.valueOf(12345),
                BooleanNode.TRUE,
                NODES.objectNode(),
                NODES.arrayNode());
        return candidates.stream()
                .filter(c -> !allows(types, Snippets.jsonType(c)))
                .findFirst();
    }

    private static boolean allows(Set<String> types, String type) {
        return types.contains(type) || (type.equals("integer") && types.contains("number"));
    }

    private static Optional<String> malformed(FieldModel.Facts facts) {
        if (facts.components().contains("E164")) {
            return Optional.of("0612345678");
        }
        if (facts.components().contains("Timestamp") || "date-time".equals(facts.format())) {
            return Optional.of("13-12-2025 12:00");
        }
        if (facts.components().contains("Uuid") || "uuid".equals(facts.format())) {
            return Optional.of("not-a-uuid");
        }
        return Optional.empty();
    }

    private void breakLimits(JsonNode value, Map<String, JsonNode> limits, String at, String name) {
        JsonNode minLength = limits.get("minLength");
        if (minLength != null && minLength.asInt() > 0 && value.isTextual()) {
            add(Kind.BROKEN_LIMIT, at, name, replace(at, TextNode.valueOf("x".repeat(minLength.asInt() - 1))));
        }
        JsonNode minItems = limits.get("minItems");
        if (minItems != null && minItems.asInt() > 0 && value.isArray() && value.size() >= minItems.asInt()) {
            ArrayNode shorter = NODES.arrayNode();
            for (int i = 0; i < minItems.asInt() - 1; i++) {
                shorter.add(value.get(i));
            }
            add(Kind.BROKEN_LIMIT, at, name, replace(at, shorter));
        }
        if (value.isNumber()) {
            for (String bound : List.of("minimum", "maximum")) {
                JsonNode limit = limits.get(bound);
                if (limit != null) {
                    BigDecimal beyond = limit.decimalValue().add(BigDecimal.valueOf(bound.equals("minimum") ? -1 : 1));
                    add(Kind.BROKEN_LIMIT, at, name, replace(at, DecimalNode.valueOf(beyond)));
                }
            }
        }
    }

    /** Whether renaming the field breaks the contract: it is required, or no {@code anyOf}/{@code oneOf} shape fits without it. */
    private static boolean needed(FieldModel.Facts facts, Set<String> names, String name, String renamed) {
        if (facts.required().contains(name)) {
            return true;
        }
        Set<String> after = new LinkedHashSet<>(names);
        after.remove(name);
        after.add(renamed);
        return facts.alternatives().stream()
                .anyMatch(branches -> branches.stream().noneMatch(b -> b.admits(after)));
    }

    /** camelCase to snake_case and back; other names stay as they are. */
    static String otherCasing(String name) {
        if (name.contains("_")) {
            Matcher joint = SNAKE_JOINT.matcher(name);
            return joint.replaceAll(m -> m.group(1).toUpperCase());
        }
        return CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase();
    }

    private void add(Kind kind, String pointer, String field, JsonNode payload) {
        found.add(new Mutation(base, kind, pointer, field, payload));
    }

    private JsonNode replace(String pointer, JsonNode value) {
        return edit(pointer, (owner, key) -> owner.set(key, value));
    }

    private JsonNode edit(String pointer, BiConsumer<ObjectNode, String> change) {
        JsonNode copy = base.value().deepCopy();
        int slash = pointer.lastIndexOf('/');
        change.accept((ObjectNode) copy.at(pointer.substring(0, slash)), pointer.substring(slash + 1));
        return copy;
    }
}
