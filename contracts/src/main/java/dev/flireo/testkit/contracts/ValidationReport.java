package dev.flireo.testkit.contracts;

import java.util.List;

/**
 * The outcome of checking one payload, reply or REST body against its contract.
 *
 * @param dialect the dialect checked against; {@code null} when it could not be told
 * @param eventType the webhook event; {@code null} for REST bodies and undetectable payloads
 * @param contract the schema used, e.g. {@code flireo-api.yaml#/components/schemas/EndOfCallReportEvent}
 * @param errors what breaks the contract; empty when valid
 * @param warnings what is accepted but worth knowing: unknown fields, alias spellings
 */
public record ValidationReport(
        Dialect dialect, EventType eventType, String contract, List<Violation> errors, List<Violation> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** One line: verdict, dialect, event, counts and the first error. */
    public String summary() {
        StringBuilder line = new StringBuilder(valid() ? "valid" : "invalid");
        if (dialect != null) {
            line.append(' ').append(dialect.wireName());
        }
        if (eventType != null) {
            line.append(' ').append(eventType.wireName());
        }
        line.append(" (").append(contract).append(')');
        if (!valid()) {
            line.append(": ")
                    .append(count(errors.size(), "error"))
                    .append(", first ")
                    .append(errors.get(0));
        }
        if (!warnings.isEmpty()) {
            line.append(valid() ? ", " : "; ").append(count(warnings.size(), "warning"));
        }
        return line.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
