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

    private FuzzChecks() {}

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
            String shape = shapeProblem(legacy(c) && !unreadableTarget(body), body);
            if (shape != null) {
                return "not the documented error envelope (" + shape + ")";
            }
            String documented = documentedProblem(c, reply.status(), body);
            if (documented != null) {
                return documented;
            }
            error = legacy(c) && !unreadableTarget(body) ? body.get("error") : body;
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

    private static boolean legacy(RequestFuzzer.Case c) {
        return c.route().spec() == SpecSamples.LEGACY;
    }

    /**
     * A target the HTTP layer could not read at all (a bad %-escape, a URI too long) leaves no path to tell the API
     * by, so its JSON error page comes in the Flireo API's envelope on either API.
     */
    private static boolean unreadableTarget(JsonNode body) {
        return body != null
                && body.path("error").isTextual()
                && body.path("message").asText().startsWith("Malformed HTTP request: ");
    }

    /**
     * The Flireo API's one envelope ({@code error} a code, {@code message}, {@code details} only as two or more
     * strings, {@code param} a string), or the legacy API's {@code {error: {code, message, details: {}}}}.
     */
    static String shapeProblem(boolean legacy, JsonNode body) {
        if (body == null || !body.isObject() || !body.has("error")) {
            return "no JSON object with an error";
        }
        if (legacy) {
            JsonNode error = body.get("error");
            if (!error.isObject()
                    || !error.path("code").isTextual()
                    || error.path("message").asText("").isBlank()) {
                return "error needs a code and a message";
            }
            return error.has("details") && !error.get("details").isObject() ? "legacy details must be an object" : null;
        }
        if (!body.get("error").isTextual() || !body.get("error").asText().matches("[a-z_]+")) {
            return "error must be a short code, got " + body.get("error");
        }
        if (body.path("message").asText("").isBlank()) {
            return "no message";
        }
        JsonNode details = body.get("details");
        if (details != null && (!details.isArray() || details.size() < 2 || !allText(details))) {
            return "details must list two or more problems as strings";
        }
        return body.has("param") && !body.get("param").isTextual() ? "param must be a field name" : null;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The error code in either envelope: the legacy {@code error.code}, the Flireo API's {@code error}. */
    static String code(JsonNode error) {
        return error.has("code")
                ? error.path("code").asText()
                : error.path("error").asText();
    }

    /**
     * On the operation's own path and method, a status the spec documents must come with the documented body; a
     * status it does not document is a finding, unless the HTTP layer gave it (it may, to any operation).
     */
    private static String documentedProblem(RequestFuzzer.Case c, int status, JsonNode body) {
        if (c.scope() == RequestFuzzer.Scope.ELSEWHERE || TRANSPORT.contains(status)) {
            return null;
        }
        ValidationReport report =
                SpecSamples.contracts(c.route()).validateResponse(c.route().operationId(), status, body);
        boolean undocumented = report.errors().stream().anyMatch(v -> v.rule().equals("status"));
        if (report.valid() || undocumented && c.scope() == RequestFuzzer.Scope.TRANSPORT) {
            return null;
        }
        return "answer does not match the spec: " + report.summary();
    }
}
