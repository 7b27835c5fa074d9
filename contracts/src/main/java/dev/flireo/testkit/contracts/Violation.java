package dev.flireo.testkit.contracts;

/**
 * One finding of a contract check.
 *
 * @param pointer JSON pointer of the value concerned ({@code ""} is the whole body); for a missing field, where it
 *     should be
 * @param rule the JSON Schema keyword that failed ({@code required}, {@code type}, {@code enum}, ...), or
 *     {@code unknownProperty} / {@code x-aliases} for warnings
 * @param expected what the contract asks for
 * @param actual what the payload has ({@code missing} for an absent field)
 * @param message one line for a person, naming the field
 */
public record Violation(
        Severity severity, String pointer, String rule, String expected, String actual, String message) {

    /**
     * The field in dotted form, {@code llm_config.tools[0].name} for {@code /llm_config/tools/0/name}: how the REST
     * API's errors name it (their {@code param}); {@code ""} for the whole body.
     */
    public String field() {
        StringBuilder out = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    /** {@code /message/call/status: `status` must be one of ...}, as printed by the CLI. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(body)" : pointer) + ": " + message;
    }
}
