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
public record Violation(Severity severity, String pointer, String rule, String expected, String actual,
                        String message) {

    /** {@code /message/call/status: `status` must be one of ...}, as printed by the CLI. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(body)" : pointer) + ": " + message;
    }
}
