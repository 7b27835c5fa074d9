package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Turns an operation of the served specs into a malformed request: one mutation of its valid request (body, field
 * values, headers, framing, path ids, query, method), chosen by a seeded {@link Random}, with what the answer must
 * then say (e.g. 400 {@code invalid_json}, 413, or a 400/422 naming the field whose value was made wrong).
 */
final class RequestFuzzer {

    /** One fuzzed request, the mutation it carries, and its expectation (a problem text, or null when satisfied). */
    record Case(Route route, String mutation, RawHttp.Request request, Scope scope, Expectation expectation) {}

    /** Who answers the mutated request, and so which documented statuses it may get. */
    enum Scope {
        /** The operation: every status it answers must be documented for it. */
        OPERATION,
        /** The HTTP layer, for any operation (framing, size, encoding, query syntax): also undocumented statuses. */
        TRANSPORT,
        /** Some other path or method: the envelope alone is checked. */
        ELSEWHERE
    }

    @FunctionalInterface
    interface Expectation {
        /** The problem with the answer, or null; {@code error} is the answer's {@code error} member, if any. */
        String problem(RawHttp.Reply reply, JsonNode error);

        Expectation ANY = (reply, error) -> null;
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final String apiKey;
    private final long maxBodySize;
    private final Supplier<List<String>> knownIds;

    RequestFuzzer(Random random, String apiKey, long maxBodySize, Supplier<List<String>> knownIds) {
        this.random = random;
        this.apiKey = apiKey;
        this.maxBodySize = maxBodySize;
        this.knownIds = knownIds;
    }

    Case next(Route route) {
        boolean hasBody = route.requestSchema() != null;
        if (random.nextInt(100) < 12) {
            return new HostileMutations(this, route).next();
        }
        int pick = random.nextInt(100);
        if (hasBody && pick < 45) {
            return new BodyMutations(this, route).next();
        }
        if (pick < 60) {
            return new TransportMutations(this, route).next();
        }
        if (pick < 78) {
            return new TargetMutations(this, route).pathOrMethod();
        }
        return new TargetMutations(this, route).query();
    }

    Random random() {
        return random;
    }

    long maxBodySize() {
        return maxBodySize;
    }

    /** The route's path with sample path parameters, sometimes ids of resources that exist. */
    String path(Route route) {
        String path = route.template();
        for (Route.Param p : route.params()) {
            if (p.in().equals("path")) {
                List<String> ids = knownIds.get().stream()
                        .filter(id -> SpecSamples.fitsPattern(route, p, id))
                        .toList();
                String value = !ids.isEmpty() && random.nextBoolean()
                        ? ids.get(random.nextInt(ids.size()))
                        : SpecSamples.pathValue(route, p);
                path = path.replace("{" + p.name() + "}", value);
            }
        }
        return route.spec().prefix() + path;
    }

    /** The operation's well-formed request, with this body (null: none) and extra headers. */
    RawHttp.Request request(Route route, String target, byte[] body, String... extraHeaders) {
        List<String[]> headers = RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer " + apiKey);
        if (body != null && body.length > 0) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        headers.addAll(RawHttp.headers(extraHeaders));
        return new RawHttp.Request(route.method(), target, headers, body == null ? new byte[0] : body, false);
    }

    RawHttp.Request request(Route route, byte[] body) {
        return request(route, path(route), body);
    }

    /** The operation's valid body as bytes, or {@code {}} when the spec yields none. */
    static byte[] validBytes(Route route) {
        ObjectNode body = route.requestSchema() == null ? null : SpecSamples.validBody(route);
        return utf8((body == null ? NODES.objectNode() : body).toString());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** An expectation on the status alone. */
    static Expectation status(int... allowed) {
        return (reply, error) -> {
            for (int s : allowed) {
                if (reply.status() == s) {
                    return null;
                }
            }
            return "expected status " + java.util.Arrays.toString(allowed) + ", got " + reply.status();
        };
    }

    /** 400 with this error code (legacy envelope: invalid_parameters). */
    static Expectation badRequest(Route route, String code) {
        String expected = route.spec() == SpecSamples.LEGACY ? "invalid_parameters" : code;
        return (reply, error) -> {
            if (reply.status() != 400) {
                return "expected 400 " + expected + ", got " + reply.status();
            }
            return expected.equals(FuzzChecks.code(error)) ? null : "expected code " + expected + ", got " + error;
        };
    }

    /** 400 or 422 whose param names {@code field} (or a field inside it, or one under {@code orUnder}). */
    static Expectation names(String field, String orUnder) {
        return (reply, error) -> {
            if (reply.status() != 400 && reply.status() != 422) {
                return "expected 400 or 422 naming " + field + ", got " + reply.status();
            }
            String param = error.has("param")
                    ? error.get("param").asText()
                    : error.path("details").path("param").asText(null);
            boolean named = param != null
                    && (param.equals(field)
                            || param.startsWith(field + ".")
                            || param.startsWith(field + "[")
                            || orUnder != null && param.startsWith(orUnder + "."));
            return named ? null : "expected the error to name " + field + ", got " + error;
        };
    }

    static List<JsonNode> jsonValues() {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.textNode("x"));
        values.add(NODES.numberNode(12345));
        values.add(NODES.numberNode(1.5));
        values.add(NODES.booleanNode(true));
        values.add(NODES.nullNode());
        values.add(SpecSamples.array(NODES.numberNode(1)));
        values.add(NODES.objectNode().put("k", "v"));
        return values;
    }
}
