package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Severity;
import dev.flireo.testkit.contracts.Violation;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the contract does not declare. They are warnings, never errors: the platform adds fields over
 * time and receivers must tolerate them. A field spelled as one of a declared field's {@code x-aliases} gets its
 * own warning naming the documented spelling.
 */
final class UnknownFields {

    private static final int LISTED_NAMES = 8;

    private UnknownFields() {}

    static void scan(JsonNode value, FieldModel model, String pointer, List<Violation> into) {
        if (value.isObject()) {
            scanObject(value, model, pointer, into);
        } else if (value.isArray()) {
            FieldModel items = model.items();
            if (items != null) {
                for (int i = 0; i < value.size(); i++) {
                    scan(value.get(i), items, pointer + "/" + i, into);
                }
            }
        }
    }

    private static void scanObject(JsonNode object, FieldModel model, String pointer, List<Violation> into) {
        FieldModel.Facts facts = model.facts();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
            FieldModel declared = model.property(name);
            if (declared != null) {
                scan(field.getValue(), declared, at, into);
            } else if (facts.aliases().containsKey(name)) {
                String canonical = facts.aliases().get(name);
                into.add(new Violation(
                        Severity.WARNING,
                        at,
                        "x-aliases",
                        "`" + canonical + "`",
                        "`" + name + "`",
                        "`" + name + "` is another spelling of `" + canonical
                                + "` (x-aliases); the contract spells it `" + canonical + "`"));
            } else if (facts.declares(name) || model.additional() != null) {
                if (model.additional() != null) {
                    scan(field.getValue(), model.additional(), at, into);
                }
            } else if (!facts.open()) {
                into.add(new Violation(
                        Severity.WARNING,
                        at,
                        "unknownProperty",
                        documented(facts),
                        Snippets.of(field.getValue()),
                        "unknown field `" + name + "` in " + Snippets.field(pointer)
                                + ": not in the contract (accepted; the platform adds fields over time)"));
            }
        }
    }

    private static String documented(FieldModel.Facts facts) {
        List<String> names = List.copyOf(facts.properties().keySet());
        String listed = String.join(", ", names.subList(0, Math.min(LISTED_NAMES, names.size())));
        return "a documented field (" + listed + (names.size() > LISTED_NAMES ? ", ..." : "") + ")";
    }
}
