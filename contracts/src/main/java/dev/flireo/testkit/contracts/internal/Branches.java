package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Violation;
import java.util.ArrayList;
import java.util.List;

/** Describes a failed {@code oneOf}/{@code anyOf} by its documented shapes, e.g. the five assistant-request replies. */
final class Branches {

    private Branches() {}

    /**
     * @param keyword {@code oneOf} or {@code anyOf}
     * @param combinator the keyword's array of branch schemas
     * @param valid how many branches matched (a {@code oneOf} fails on more than one)
     */
    static Violation describe(String keyword, SchemaRef combinator, String at, JsonNode value, int valid) {
        String field = Snippets.field(at);
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < combinator.node().size(); i++) {
            shapes.add(Shape.of(combinator.child(Integer.toString(i)), i));
        }
        String names = String.join(" | ", shapes.stream().map(Shape::name).toList());
        if (valid > 1) {
            return ViolationMapper.error(
                    at,
                    keyword,
                    "exactly one of: " + names,
                    value,
                    field + " matches more than one of the shapes " + names + "; exactly one must match");
        }
        String valueType = Snippets.jsonType(value);
        if (shapes.stream().noneMatch(shape -> shape.allows(valueType))) {
            String expected =
                    String.join(" or ", shapes.stream().map(Shape::name).toList());
            return ViolationMapper.error(
                    at, keyword, expected, value, field + " must be " + expected + ", got " + Snippets.typed(value));
        }
        boolean anonymous = shapes.stream().allMatch(Shape::anonymous);
        if (anonymous) {
            String needs = String.join(
                    " or ",
                    shapes.stream()
                            .map(s -> ViolationMapper.joinQuoted(s.required()))
                            .toList());
            return ViolationMapper.error(at, keyword, "one of " + needs, value, field + " needs " + needs);
        }
        String described =
                String.join("; ", shapes.stream().map(Shape::describe).toList());
        return ViolationMapper.error(
                at, keyword, "one of: " + names, value, field + " matches none of the documented shapes: " + described);
    }

    private record Shape(
            String title, String name, List<String> required, List<String> types, boolean empty, boolean referenced) {

        boolean anonymous() {
            return title.isEmpty() && !referenced && !required.isEmpty();
        }

        static Shape of(SchemaRef branch, int index) {
            JsonNode raw = branch.node();
            JsonNode node = branch.target().node();
            String title = raw.path("title").asText(node.path("title").asText(""));
            String name = !title.isEmpty()
                    ? title
                    : raw.has("$ref")
                            ? branch.target().name()
                            : node.has("type") ? node.get("type").asText().replace("\"", "") : "shape " + (index + 1);
            List<String> required = new ArrayList<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            List<String> types = new ArrayList<>();
            JsonNode type = node.path("type");
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else if (type.isTextual()) {
                types.add(type.asText());
            }
            return new Shape(
                    title, name, required, types, node.path("maxProperties").asInt(-1) == 0, raw.has("$ref"));
        }

        boolean allows(String valueType) {
            return types.isEmpty()
                    || types.contains(valueType)
                    || (valueType.equals("integer") && types.contains("number"));
        }

        String describe() {
            if (empty) {
                return name + " (no fields)";
            }
            return required.isEmpty() ? name : name + " (needs " + ViolationMapper.joinQuoted(required) + ")";
        }
    }
}
