package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.contracts.ValidationReport;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer to a fuzzed request must satisfy: an answer at all, never a 5xx, no stack trace or Java class
 * name, JSON; a 4xx in the documented error envelope of its API with a message, conforming to the operation's
 * documented error response when the spec documents that status, then the case's own expectation.
 */
final class FuzzChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A stack frame, an exception, a qualified class name of the JDK or a library the mock runs on, or a member of a
     * Java class ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}).
     */
    private static final Pattern LEAK = Pattern.compile("\\bat [\\w$.]+\\([\\w$.]*(:\\d+)?\\)|Exception\\b|Error:"
            + "|\\b(java|javax|jakarta|sun|org\\.eclipse|org\\.apache|com\\.github|com\\.fasterxml|com\\.networknt|dev\\.flireo)\\.\\w"
            + "|\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\.[A-Za-z_]+");
    /** Statuses the HTTP layer answers before any operation is involved; the spec cannot list them everywhere. */
    private static final Set<Integer> TRANSPORT = Set.of(405, 414, 431);

    private FuzzChecks() {
    }

    /** The problem with the answer to a case, or null. */
    static String problem(RequestFuzzer.Case c, RawHttp.Reply reply) {
        if (reply.error() != null) {
            return "no answer: " + reply.error();
        }
        if (reply.status() >= 500 || reply.status() < 200) {
            return "status " + reply.status();
        }
        if (LEAK.matcher(reply.body()).find()) {
            return "a stack trace or class name in the body";
        }
        if (!String.valueOf(reply.header("Content-Type")).startsWith("application/json")) {
            return "Content-Type " + reply.header("Content-Type");
        }
        JsonNode body = parse(reply.body());
        JsonNode error = null;
        if (reply.status() >= 400) {
            String shape = shapeProblem(c.route().spec() == SpecSamples.LEGACY, reply.status(), body);
            if (shape != null) {
                return "not the documented error envelope (" + shape + ")";
            }
            String documented = documentedProblem(c, reply.status(), body);
            if (documented != null) {
                return documented;
            }
            error = body.get("error").isObject() ? body.get("error") : body;
        }
        return c.expectation().problem(reply, error);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The object form, the 401/403 string form, the workflow form with details, or the legacy envelope. */
    static String shapeProblem(boolean legacy, int status, JsonNode body) {
        if (body == null || !body.isObject() || !body.has("error")) {
            return "no JSON object with an error";
        }
        JsonNode error = body.get("error");
        if (!legacy && error.isTextual()) {
            boolean known = (status == 401 || status == 403) && body.path("message").isTextual()
                    || status == 400 && body.path("details").isArray();
            return known ? null : "a string error outside 401, 403 and workflow validation";
        }
        if (!error.isObject() || !error.path("code").isTextual() || error.path("message").asText("").isBlank()) {
            return "error needs a code and a message";
        }
        if (legacy && error.has("details") && !error.get("details").isObject()) {
            return "legacy details must be an object";
        }
        return null;
    }

    /**
     * On the operation's own path and method, a status the spec documents must come with the documented body; a
     * status it does not document is a finding, unless the HTTP layer gave it (it may, to any operation).
     */
    private static String documentedProblem(RequestFuzzer.Case c, int status, JsonNode body) {
        if (c.scope() == RequestFuzzer.Scope.ELSEWHERE || TRANSPORT.contains(status)) {
            return null;
        }
        ValidationReport report = SpecSamples.contracts(c.route()).validateResponse(c.route().operationId(), status, body);
        boolean undocumented = report.errors().stream().anyMatch(v -> v.rule().equals("status"));
        if (report.valid() || undocumented && c.scope() == RequestFuzzer.Scope.TRANSPORT) {
            return null;
        }
        return "answer does not match the spec: " + report.summary();
    }
}
