package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.flireo.testkit.contracts.Severity;
import dev.flireo.testkit.contracts.Violation;
import dev.flireo.testkit.contracts.internal.ErrorCollapser.Finding;
import dev.flireo.testkit.contracts.internal.ErrorCollapser.Reported;
import dev.flireo.testkit.contracts.internal.ErrorCollapser.Unmatched;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the validator's messages into {@link Violation}s with a pointer, the rule, expected, actual and a sentence. */
final class ViolationMapper {

    private ViolationMapper() {}

    static List<Violation> errors(Collection<ValidationMessage> messages, SchemaRef root, JsonNode instance) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Set<Violation> violations = new LinkedHashSet<>();
        for (Finding finding : ErrorCollapser.collapse(new ArrayList<>(messages), root)) {
            violations.add(
                    finding instanceof Unmatched unmatched
                            ? Branches.describe(
                                    unmatched.keyword(),
                                    unmatched.combinator(),
                                    unmatched.pointer(),
                                    instance.at(JsonPointer.compile(unmatched.pointer())),
                                    0)
                            : map(((Reported) finding).message()));
        }
        return List.copyOf(violations);
    }

    private static Violation map(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        String field = Snippets.field(at);
        JsonNode value = m.getInstanceNode();
        JsonNode schema = m.getSchemaNode();
        String keyword = m.getType();
        return switch (keyword) {
            case "required" -> missing(at, m.getProperty(), value, "");
            case "dependentRequired" -> missing(at, arg(m, 0), value, " (needed when `" + arg(m, 1) + "` is given)");
            case "type" ->
                error(
                        at,
                        keyword,
                        typeName(schema),
                        value,
                        field + " must be " + withArticle(typeName(schema)) + ", got " + Snippets.typed(value));
            case "enum" ->
                error(
                        at,
                        keyword,
                        "one of " + schema,
                        value,
                        field + " must be one of " + schema + ", got " + Snippets.of(value));
            case "const" ->
                error(
                        at,
                        keyword,
                        schema.toString(),
                        value,
                        field + " must be " + schema + ", got " + Snippets.of(value));
            case "pattern" -> pattern(m, at, field, value);
            case "format" -> format(m, at, field, value);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
                bound(keyword, at, field, schema, value);
            case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" ->
                size(keyword, at, field, schema, value);
            case "false" -> error(at, keyword, "absent", value, field + " is not allowed here");
            case "additionalProperties" ->
                error(
                        at + "/" + m.getProperty(),
                        keyword,
                        "no undeclared fields",
                        value,
                        "field `" + m.getProperty() + "` is not allowed in " + field);
            case "oneOf", "anyOf" ->
                Branches.describe(
                        keyword, SchemaRef.fromIri(m.getSchemaLocation().toString()), at, value, validCount(m));
            default ->
                error(
                        at,
                        keyword,
                        schema == null ? "" : Snippets.of(schema),
                        value,
                        field + ": " + stripLocation(m.getMessage()));
        };
    }

    static Violation error(String pointer, String rule, String expected, JsonNode actual, String message) {
        return new Violation(Severity.ERROR, pointer, rule, expected, Snippets.of(actual), message);
    }

    private static Violation missing(String at, String name, JsonNode object, String why) {
        String in = at.isEmpty() ? "" : " in " + Snippets.field(at);
        return new Violation(
                Severity.ERROR,
                at + "/" + name,
                "required",
                "field `" + name + "`",
                "missing",
                "required field `" + name + "` is missing" + in + why + otherSpelling(object, name));
    }

    // {"phone_number": ...} where phoneNumber is required is almost always the other dialect's casing.
    private static String otherSpelling(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return "";
        }
        String wanted = normalized(name);
        for (var names = object.fieldNames(); names.hasNext(); ) {
            String present = names.next();
            if (!present.equals(name) && normalized(present).equals(wanted)) {
                return "; found `" + present + "`, a different spelling";
            }
        }
        return "";
    }

    private static String normalized(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Violation pattern(ValidationMessage m, String at, String field, JsonNode value) {
        String regex = m.getSchemaNode().asText();
        String component = component(m);
        String expected = switch (component) {
            case "E164" -> "an E.164 phone number such as +31612345678";
            case "Uuid" -> "a UUID such as 5c4d030f-43e3-4e65-899e-8148521e660f";
            default -> "a string matching " + regex;
        };
        return error(
                at,
                "pattern",
                expected + (expected.endsWith(regex) ? "" : " (" + regex + ")"),
                value,
                field + " must be " + expected + ", got " + Snippets.of(value));
    }

    private static Violation format(ValidationMessage m, String at, String field, JsonNode value) {
        String format = arg(m, 0);
        String expected = switch (format) {
            case "date-time" -> "an RFC 3339 date-time such as 2025-12-13T12:00:00.000Z";
            case "uuid" -> "a UUID such as 5c4d030f-43e3-4e65-899e-8148521e660f";
            case "uri" -> "an absolute URI such as https://example.com/recording.mp3";
            case "email" -> "an e-mail address";
            default -> "a valid " + format;
        };
        return error(at, "format", expected, value, field + " must be " + expected + ", got " + Snippets.of(value));
    }

    private static Violation bound(String keyword, String at, String field, JsonNode limit, JsonNode value) {
        String relation = switch (keyword) {
            case "minimum" -> ">= ";
            case "maximum" -> "<= ";
            case "exclusiveMinimum" -> "> ";
            default -> "< ";
        };
        return error(at, keyword, relation + limit, value, field + " must be " + relation + limit + ", got " + value);
    }

    private static Violation size(String keyword, String at, String field, JsonNode limit, JsonNode value) {
        String unit = keyword.endsWith("Length") ? "character" : keyword.endsWith("Items") ? "item" : "field";
        String bound = keyword.startsWith("min") ? "at least " : "at most ";
        int actual = value == null
                ? 0
                : value.isTextual()
                        ? value.asText().codePointCount(0, value.asText().length())
                        : value.size();
        String expected = bound + limit + " " + unit + (limit.asInt() == 1 ? "" : "s");
        return error(at, keyword, expected, value, field + " must have " + expected + ", has " + actual);
    }

    private static String typeName(JsonNode type) {
        if (type != null && type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.asText()));
            return String.join(" or ", names);
        }
        return type == null ? "?" : type.asText();
    }

    static String withArticle(String noun) {
        if (noun.equals("null")) {
            return "null";
        }
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** The named component the failing keyword sits in, e.g. {@code E164} for {@code #/components/schemas/E164/pattern}. */
    static String component(ValidationMessage m) {
        String location = m.getSchemaLocation().toString();
        String marker = "/components/schemas/";
        int start = location.indexOf(marker);
        if (start < 0) {
            return "";
        }
        String rest = location.substring(start + marker.length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static int validCount(ValidationMessage m) {
        try {
            return Integer.parseInt(arg(m, 0));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String arg(ValidationMessage m, int index) {
        Object[] args = m.getArguments();
        return args != null && args.length > index ? String.valueOf(args[index]) : "?";
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        boolean located = message.startsWith("/") || message.startsWith(":");
        return located && colon >= 0 ? message.substring(colon + 2) : message;
    }

    static String joinQuoted(Collection<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }
}
