package dev.flireo.testkit.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.RequestFuzzer.Case;
import dev.flireo.testkit.mock.RequestFuzzer.Expectation;
import dev.flireo.testkit.mock.internal.Route;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Mutations of an operation's JSON body: broken JSON, wrong types and out-of-range values per field (derived from
 * the request schema), other top-level values, invalid UTF-8, deep nesting, long numbers, many keys, big strings.
 */
final class BodyMutations {

    /** What the mock must accept as JSON: one value, no trailing tokens (as JSON.parse on the platform). */
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RequestFuzzer fuzzer;
    private final Route route;
    private final ObjectNode valid;

    BodyMutations(RequestFuzzer fuzzer, Route route) {
        this.fuzzer = fuzzer;
        this.route = route;
        this.valid = SpecSamples.validBody(route);
    }

    Case next() {
        int pick = fuzzer.random().nextInt(100);
        if (pick < 35) {
            Case c = fieldValue();
            if (c != null) {
                return c;
            }
        }
        if (pick < 55) {
            return brokenJson();
        }
        return switch (pick % 7) {
            case 0 -> invalidUtf8();
            case 1 -> nested();
            case 2 -> notAnObject();
            case 3 -> longNumber();
            case 4 -> manyKeys();
            case 5 -> bigString();
            default -> brokenJson();
        };
    }

    private ObjectNode base() {
        return valid == null ? NODES.objectNode() : valid.deepCopy();
    }

    private Case send(String mutation, byte[] body, Expectation expectation) {
        return new Case(route, mutation, fuzzer.request(route, body), RequestFuzzer.Scope.OPERATION, expectation);
    }

    /** One field set to a value of another type or outside its enum, format, range or length. */
    private Case fieldValue() {
        List<SpecSamples.Field> fields = SpecSamples.fields(route);
        if (fields.isEmpty()) {
            return null;
        }
        SpecSamples.Field field = fuzzer.pick(fields);
        JsonNode value = wrongValue(field.schema());
        if (value == null) {
            return null;
        }
        ObjectNode base = base();
        ObjectNode body = SpecSamples.with(base, field.steps(), value);
        String parent = field.steps().size() > 1
                ? field.path().substring(0, field.path().lastIndexOf('.'))
                : null;
        boolean parentCreated =
                parent != null && !base.path(field.steps().get(0)).isObject();
        // The contracts module is the oracle: a body it finds invalid must be refused, naming the field.
        boolean invalid = !SpecSamples.contracts(route)
                .validateRequest(route.operationId(), body)
                .valid();
        Expectation expectation = valid != null && invalid
                ? RequestFuzzer.names(field.path(), parentCreated ? parent : null)
                : Expectation.ANY;
        return send(
                "field " + field.path() + " = " + RawHttp.abbreviate(value.toString(), 60),
                RequestFuzzer.utf8(body.toString()),
                expectation);
    }

    private JsonNode wrongValue(JsonNode schema) {
        Set<String> types = SpecSamples.types(route.spec(), schema);
        List<JsonNode> candidates = new java.util.ArrayList<>();
        if (!types.isEmpty()) {
            for (JsonNode v : RequestFuzzer.jsonValues()) {
                String t = SpecSamples.typeOf(v);
                boolean allowed = types.contains(t) || t.equals("integer") && types.contains("number");
                if (!allowed) {
                    candidates.add(v);
                }
            }
        }
        if (schema.has("enum")) {
            candidates.add(NODES.textNode("not-one-of-the-enum"));
        }
        if (schema.has("format") || schema.has("pattern")) {
            candidates.add(NODES.textNode("!! not a " + schema.path("format").asText("match") + " !!"));
        }
        if (schema.has("minimum")) {
            candidates.add(NODES.numberNode(schema.get("minimum").asLong() - 1));
        }
        if (schema.has("maximum")) {
            candidates.add(NODES.numberNode(schema.get("maximum").asLong() + 1));
        }
        if (schema.has("maxLength")) {
            candidates.add(NODES.textNode("y".repeat(schema.get("maxLength").asInt() + 1)));
        }
        if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
            candidates.add(NODES.textNode(""));
        }
        return candidates.isEmpty() ? null : fuzzer.pick(candidates);
    }

    /** The valid body cut short, with a byte changed, or with trailing or foreign syntax: never parseable. */
    private Case brokenJson() {
        String json = base().toString();
        String broken = switch (fuzzer.random().nextInt(7)) {
            case 0 -> json.substring(0, 1 + fuzzer.random().nextInt(Math.max(1, json.length() - 1)));
            case 1 -> json + fuzzer.pick(List.of("}", "]", "x", ",{}", "{}", " 1"));
            case 2 -> json.replace("\"", "'");
            case 3 -> json.replaceFirst("\\{", "{,");
            case 4 -> "{\"a\": NaN, \"b\": undefined}";
            case 5 -> "/* comment */ " + json;
            default -> flipOneByte(json);
        };
        return send(
                "broken JSON",
                RequestFuzzer.utf8(broken),
                parses(broken) ? Expectation.ANY : RequestFuzzer.badRequest(route, "invalid_json"));
    }

    private String flipOneByte(String json) {
        int at = fuzzer.random().nextInt(json.length());
        char c = "{}[]:,\"\\".charAt(fuzzer.random().nextInt(8));
        return json.substring(0, at) + c + json.substring(at + 1);
    }

    private static boolean parses(String text) {
        try {
            STRICT.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Bytes that are not UTF-8 inside a string value; JSON must be UTF-8. */
    private Case invalidUtf8() {
        byte[] bad = fuzzer.pick(List.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xc3, 0x28},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"name\":\"abc".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return send("invalid UTF-8", out.toByteArray(), RequestFuzzer.badRequest(route, "invalid_json"));
    }

    /** 100,000 levels of [[[ (or {"a":{"a":...), or 900 levels inside a field: the parser's limit, the stack's. */
    private Case nested() {
        int shape = fuzzer.random().nextInt(3);
        if (shape == 2) {
            String deep = "[".repeat(900) + "]".repeat(900);
            ObjectNode body = base();
            String json = body.toString().replaceFirst("^\\{", "{\"metadata\":" + deep + (body.isEmpty() ? "" : ","));
            return send("900 levels in a field", RequestFuzzer.utf8(json), Expectation.ANY);
        }
        String open = shape == 0 ? "[" : "{\"a\":";
        return send(
                "100000 levels of " + open,
                RequestFuzzer.utf8(open.repeat(100_000)),
                RequestFuzzer.badRequest(route, "invalid_json"));
    }

    private Case notAnObject() {
        String body = fuzzer.pick(List.of("[]", "\"text\"", "42", "true", "null", "[{}]", "\"\\u0000\"", "-0"));
        // JSON null is what generated clients send for "no body": fine where the body is optional.
        boolean none = body.equals("null") && !route.bodyRequired();
        return send(
                "top-level " + body, RequestFuzzer.utf8(body), none ? Expectation.ANY : RequestFuzzer.status(400, 422));
    }

    /** A number of 5000 digits: longer than any parser should take. */
    private Case longNumber() {
        String json = "{\"max_duration_seconds\":" + "9".repeat(5000) + "}";
        return send("5000-digit number", RequestFuzzer.utf8(json), RequestFuzzer.badRequest(route, "invalid_json"));
    }

    private Case manyKeys() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 5_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return send("5000 keys", RequestFuzzer.utf8(json.append('}').toString()), Expectation.ANY);
    }

    /** A long name (the state keeps accepted ones, so not too long). */
    private Case bigString() {
        ObjectNode body = base();
        body.put("name", "n".repeat(32_000));
        return send("big string", RequestFuzzer.utf8(body.toString()), Expectation.ANY);
    }
}
