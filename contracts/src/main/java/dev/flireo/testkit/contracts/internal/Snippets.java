package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Short renderings of values and field names for one-line messages. */
public final class Snippets {

    private static final int MAX = 60;

    private Snippets() {}

    /** Compact JSON of a value, cut at 60 characters. */
    public static String of(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        String text = value.toString();
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }

    /** {@code string "84"}: the JSON type and the value. */
    public static String typed(JsonNode value) {
        return jsonType(value) + " " + of(value);
    }

    public static String jsonType(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * How a message names the value at a pointer: {@code `durationSeconds`}, {@code `tools[0]`}, or
     * {@code the body} for the root.
     */
    public static String field(String pointer) {
        if (pointer.isEmpty()) {
            return "the body";
        }
        int slash = pointer.lastIndexOf('/');
        String last = unescape(pointer.substring(slash + 1));
        if (!last.isEmpty() && last.chars().allMatch(Character::isDigit)) {
            String parent = pointer.substring(0, slash);
            String owner = parent.isEmpty() ? "body" : unescape(parent.substring(parent.lastIndexOf('/') + 1));
            return "`" + owner + "[" + last + "]`";
        }
        return "`" + last + "`";
    }

    static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
