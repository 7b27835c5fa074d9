package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.flireo.testkit.contracts.Severity;
import dev.flireo.testkit.contracts.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One failed rule of a REST request, in the API's wording: the field in dotted form ({@code llm_config.tools[0].name})
 * and the validator's reason, which the mock answers with ({@code Invalid value for type: expected one of ...}) and
 * the vendor's SDK shows as {@code invalid_request: ...}. {@link RelevantProblems} picks and orders them.
 *
 * @param schema the failing keyword's value (the enum's values, say); null for a {@link #RULE}
 * @param evaluationPath the schema path the validator took, which tells oneOf/anyOf branches apart
 */
public record RequestProblem(
        String keyword, String field, String message, JsonNode schema, String evaluationPath, JsonNode actual) {

    /** The keyword of a body rule the schema cannot express (a workflow's graph); answered 400 like a missing field. */
    public static final String RULE = dev.flireo.testkit.contracts.ApiContracts.BODY_RULE;

    /** A problem found by code rather than the schema, e.g. a {@link #RULE}. */
    public static RequestProblem of(String keyword, String field, String message) {
        return new RequestProblem(keyword, field, message, null, "", null);
    }

    static RequestProblem of(ValidationMessage m) {
        String field = field(m.getInstanceLocation());
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
        }
        return new RequestProblem(
                m.getType(),
                field,
                describe(m),
                m.getSchemaNode(),
                m.getEvaluationPath().toString(),
                "required".equals(m.getType()) ? null : m.getInstanceNode());
    }

    /** The violation a report lists: one sentence naming the field, as the mock's error {@code details} word it. */
    Violation violation() {
        String pointer = pointer(field);
        if ("required".equals(keyword)) {
            return new Violation(
                    Severity.ERROR,
                    pointer,
                    keyword,
                    "field `" + field.replaceAll(".*[.\\]]", "") + "`",
                    "missing",
                    "Missing required field: " + field);
        }
        String sentence =
                field.isEmpty() ? "Invalid request body: " + message : "Invalid value for " + field + ": " + message;
        return new Violation(Severity.ERROR, pointer, keyword, expected(), Snippets.of(actual), sentence);
    }

    /** What the rule asks for, as the contracts' other reports put it: {@code integer}, {@code one of [...]}. */
    private String expected() {
        if (schema == null) {
            return "";
        }
        if ("type".equals(keyword) && schema.isArray()) {
            List<String> types = new ArrayList<>();
            schema.forEach(t -> types.add(t.asText()));
            return String.join(" or ", types);
        }
        if ("enum".equals(keyword)) {
            return "one of " + schema;
        }
        return schema.isTextual() ? schema.asText() : Snippets.of(schema);
    }

    /** This problem of a parameter's value, named by the parameter. */
    Violation parameterViolation(String name) {
        return new Violation(
                Severity.ERROR,
                "",
                keyword,
                expected(),
                Snippets.of(actual),
                "Invalid value for " + name + ": " + message);
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

    /** {@code a.b[0].c} as the JSON pointer {@code /a/b/0/c}. */
    static String pointer(String field) {
        StringBuilder out = new StringBuilder();
        for (String token : field.split("\\.|(?=\\[)")) {
            if (!token.isEmpty()) {
                String name = token.startsWith("[") ? token.substring(1, token.length() - 1) : token;
                out.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            }
        }
        return out.toString();
    }

    private static String describe(ValidationMessage m) {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        String reason = colon >= 0 && (colon == 0 || text.startsWith("/")) ? text.substring(colon + 2) : text;
        if ("enum".equals(m.getType())
                && m.getSchemaNode() != null
                && m.getSchemaNode().isArray()) {
            List<String> values = new ArrayList<>();
            m.getSchemaNode().forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
            return "expected one of " + String.join(", ", values);
        }
        return reason;
    }
}
