package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.RequestFuzzer.Case;
import dev.flireo.testkit.mock.RequestFuzzer.Expectation;
import dev.flireo.testkit.mock.RequestFuzzer.Scope;
import dev.flireo.testkit.mock.internal.RequestJson;
import dev.flireo.testkit.mock.internal.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The requests of issue #14's outside QA run: bodies at and beyond the nesting limit, server-owned fields (an
 * existing id, timestamps, {@code org_id}), numbers beyond a double, unpaired surrogate escapes, the invalid UTF-8
 * Jackson would repair, offsets and limits of 2^31, an HTTP/0.9 request line, a body shorter than its
 * Content-Length, Content-Length beside Transfer-Encoding.
 */
final class HostileMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOREIGN_ID = "00000000-0000-4000-8000-000000000000";
    private static final String OLD_TIME = "1999-01-01T00:00:00.000Z";

    private final RequestFuzzer fuzzer;
    private final Route route;

    HostileMutations(RequestFuzzer fuzzer, Route route) {
        this.fuzzer = fuzzer;
        this.route = route;
    }

    Case next() {
        boolean body = route.requestSchema() != null;
        int pick = fuzzer.random().nextInt(body ? 9 : 4);
        return switch (pick) {
            case 0 -> hugeQuery();
            case 1 -> http09();
            case 2 ->
                fuzzer.random().nextInt(8) == 0
                        ? shortBody()
                        : lengthAndChunked(); // a short body waits out the body deadline: rarer
            case 3 -> lengthAndChunked();
            case 4 -> nested(fuzzer.random().nextBoolean());
            case 5 -> serverOwned();
            case 6 -> beyondADouble();
            case 7 -> unpairedSurrogate();
            default -> repairableUtf8();
        };
    }

    private Case send(String mutation, RawHttp.Request request, Scope scope, Expectation expectation) {
        return new Case(route, mutation, request, scope, expectation);
    }

    private ObjectNode valid() {
        ObjectNode body = SpecSamples.validBody(route);
        return body == null ? JSON.createObjectNode() : body;
    }

    /** {@code offset} or {@code limit} of 2^31 or more, declared or not: 400 naming it where declared. */
    private Case hugeQuery() {
        String name = fuzzer.pick(List.of("offset", "limit"));
        String value = fuzzer.pick(List.of("2147483648", "4294967296", "99999999999", "-2147483649"));
        boolean declared = route.params().stream()
                .anyMatch(p -> p.in().equals("query") && p.name().equals(name));
        RawHttp.Request request = fuzzer.request(
                route,
                fuzzer.path(route) + "?" + name + "=" + value,
                route.requestSchema() == null ? null : RequestFuzzer.validBytes(route));
        return send(
                "query " + name + "=" + value,
                request,
                declared ? Scope.OPERATION : Scope.TRANSPORT,
                declared ? RequestFuzzer.names(name, null) : Expectation.ANY);
    }

    private Case http09() {
        RawHttp.Request request = new RawHttp.Request("GET", fuzzer.path(route), List.of(), new byte[0], false, "");
        // Without a version the line is no request to the path, so the answer is in the default envelope.
        return send("HTTP/0.9 request line", request, Scope.ELSEWHERE, RequestFuzzer.status(400));
    }

    /** Fewer bytes than the Content-Length says, the connection left open: 408 at the body deadline. */
    private Case shortBody() {
        byte[] body = RequestFuzzer.validBytes(route);
        RawHttp.Request request = fuzzer.request(
                route,
                fuzzer.path(route),
                body,
                "Content-Length",
                Integer.toString(body.length + 1 + fuzzer.random().nextInt(100)));
        return send("body shorter than its Content-Length", request, Scope.TRANSPORT, RequestFuzzer.status(408));
    }

    private Case lengthAndChunked() {
        RawHttp.Request request = fuzzer.request(
                route,
                fuzzer.path(route),
                "5\r\n{\"a\":\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "Content-Length",
                "5",
                "Transfer-Encoding",
                "chunked");
        return send("Content-Length and Transfer-Encoding", request, Scope.TRANSPORT, RequestFuzzer.status(400));
    }

    /** A field nested to the limit (accepted or refused for other reasons) or one level beyond it (400 naming it). */
    private Case nested(boolean beyond) {
        int levels = RequestJson.MAX_DEPTH + (beyond ? 1 : 0) - 1; // the body object is the first level
        String deep = "[".repeat(levels) + "]".repeat(levels);
        ObjectNode base = valid();
        String json = base.toString().replaceFirst("^\\{", "{\"x_nested\":" + deep + (base.isEmpty() ? "" : ","));
        Expectation expectation = !beyond
                ? Expectation.ANY
                : (reply, error) ->
                        reply.status() == 400 && reply.body().contains("limit of " + RequestJson.MAX_DEPTH + " levels")
                                ? null
                                : "expected 400 naming the nesting limit, got " + reply.status();
        return send(
                (levels + 1) + " levels",
                fuzzer.request(route, json.getBytes(StandardCharsets.UTF_8)),
                Scope.OPERATION,
                expectation);
    }

    /** An id (a foreign one, one off the pattern, the path's own), timestamps and org_id sent: never taken. */
    private Case serverOwned() {
        ObjectNode body = valid();
        String path = fuzzer.path(route);
        String pathId = path.substring(path.lastIndexOf('/') + 1);
        String id = fuzzer.pick(List.of(FOREIGN_ID, "not a uuid", pathId));
        body.put("id", id)
                .put("created_at", OLD_TIME)
                .put("updated_at", OLD_TIME)
                .put("org_id", FOREIGN_ID);
        Expectation expectation =
                (reply, error) -> reply.status() >= 300 || !took(parse(reply.body()), id.equals(pathId) ? null : id)
                        ? null
                        : "a server-owned field was taken from the body: " + RawHttp.abbreviate(reply.body(), 300);
        return send(
                "server-owned fields, id " + id,
                fuzzer.request(route, path, body.toString().getBytes(StandardCharsets.UTF_8)),
                Scope.OPERATION,
                expectation);
    }

    /** Whether the answer (at the top level or in a wrapping key) shows a value the client sent for the server. */
    private static boolean took(JsonNode answer, String sentId) {
        if (answer == null || !answer.isObject()) {
            return false;
        }
        List<JsonNode> resources = new java.util.ArrayList<>(List.of(answer));
        answer.elements().forEachRemaining(resources::add);
        return resources.stream()
                .anyMatch(r -> r.path("created_at").asText().equals(OLD_TIME)
                        || r.path("updated_at").asText().equals(OLD_TIME)
                        || r.path("org_id").asText().equals(FOREIGN_ID)
                        || sentId != null && r.path("id").asText().equals(sentId));
    }

    private Case beyondADouble() {
        String json = "{\"x_number\":1e400," + valid().toString().substring(1);
        return send(
                "1e400",
                fuzzer.request(route, json.replace(",}", "}").getBytes(StandardCharsets.UTF_8)),
                Scope.OPERATION,
                RequestFuzzer.badRequest(route, "invalid_json"));
    }

    private Case unpairedSurrogate() {
        String json = "{\"name\\ud800\":\"a\\udc00b\"," + valid().toString().substring(1);
        return send(
                "unpaired surrogate escapes",
                fuzzer.request(route, json.replace(",}", "}").getBytes(StandardCharsets.UTF_8)),
                Scope.OPERATION,
                RequestFuzzer.badRequest(route, "invalid_json"));
    }

    /** What Jackson would turn into other text (C0 AF into "/", F4 90 80 80 into a pair): refused, naming the byte. */
    private Case repairableUtf8() {
        byte[] bad = fuzzer.pick(List.of(
                new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"name\":\"ab".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        Expectation named = RequestFuzzer.badRequest(route, "invalid_json");
        return send(
                "UTF-8 Jackson would repair",
                fuzzer.request(route, out.toByteArray()),
                Scope.OPERATION,
                (reply, error) -> {
                    String problem = named.problem(reply, error);
                    return problem != null || reply.body().contains("byte offset 11")
                            ? problem
                            : "expected the byte offset 11, got " + error;
                });
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
