package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.mock.RequestFuzzer.Case;
import dev.flireo.testkit.mock.RequestFuzzer.Expectation;
import dev.flireo.testkit.mock.internal.Route;
import java.util.List;
import java.util.Set;

/**
 * Mutations of what a request addresses: hostile path ids (traversal, %-escapes, NUL, very long), extra or empty
 * segments, the wrong or an odd method, and wrong, malformed, repeated or unknown query parameters.
 */
final class TargetMutations {

    private static final List<String> HOSTILE_IDS = List.of(
            "..",
            "../",
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e",
            "%2e%2e%2f%2e%2e",
            "%252e%252e",
            "%00",
            "a%00b",
            "%zz",
            "%",
            "%C3%A9",
            "%FF%FE",
            "%C0%AE%C0%AE",
            "a;b=c",
            "..;",
            "%20",
            "a%2Fb",
            "a%5Cb",
            "\\",
            "%E2%80%AE",
            "x".repeat(4_000),
            "7".repeat(100_000),
            "call-_+31612345678_abc",
            "null",
            "-1",
            "%0d%0aX-Injected:%201",
            "*",
            "%3F%23");

    private final RequestFuzzer fuzzer;
    private final Route route;

    TargetMutations(RequestFuzzer fuzzer, Route route) {
        this.fuzzer = fuzzer;
        this.route = route;
    }

    Case pathOrMethod() {
        boolean hasId = route.params().stream().anyMatch(p -> p.in().equals("path"));
        int pick = fuzzer.random().nextInt(hasId ? 3 : 2);
        return pick == 2 || hasId && pick == 1 ? hostileId() : pick == 0 ? method() : extraSegments();
    }

    private Case send(String mutation, RawHttp.Request request, RequestFuzzer.Scope scope, Expectation expectation) {
        return new Case(route, mutation, request, scope, expectation);
    }

    private byte[] valid() {
        return route.requestSchema() == null ? null : RequestFuzzer.validBytes(route);
    }

    /** A path parameter replaced by a hostile value: some 4xx, never a resource, never a 5xx. */
    private Case hostileId() {
        String id = fuzzer.pick(HOSTILE_IDS);
        Route.Param param = fuzzer.pick(
                route.params().stream().filter(p -> p.in().equals("path")).toList());
        String target = route.spec().prefix() + route.template().replace("{" + param.name() + "}", id);
        for (Route.Param other : route.params()) {
            target = target.replace("{" + other.name() + "}", SpecSamples.pathValue(route, other));
        }
        Expectation expectation = id.length() > 50_000
                ? RequestFuzzer.status(414)
                : (reply, error) -> reply.status() >= 400 ? null : "a hostile id was served: " + reply.status();
        return send(
                "path " + param.name() + " = " + RawHttp.abbreviate(id, 40),
                fuzzer.request(route, target, valid()),
                RequestFuzzer.Scope.ELSEWHERE,
                expectation);
    }

    private Case extraSegments() {
        String path = fuzzer.path(route);
        String target = switch (fuzzer.random().nextInt(5)) {
            case 0 -> path + "/extra";
            case 1 -> path.replaceFirst("/([^/]+)$", "//$1");
            case 2 -> path + "/";
            case 3 -> path + "/./.";
            default ->
                route.spec().prefix()
                        + path.substring(route.spec().prefix().length()).toUpperCase(java.util.Locale.ROOT);
        };
        return send(
                "path " + target,
                fuzzer.request(route, target, valid()),
                RequestFuzzer.Scope.ELSEWHERE,
                Expectation.ANY);
    }

    /** Another method on the path: 405 with Allow when the path has no such operation; odd methods alike. */
    private Case method() {
        String method =
                fuzzer.pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "BREW", "PROPFIND"));
        RawHttp.Request r = fuzzer.request(route, valid());
        boolean exists =
                SpecSamples.contracts(route).operationFor(method, r.target()).isPresent();
        Expectation expectation = exists
                ? Expectation.ANY
                : (reply, error) -> reply.status() != 405
                                || reply.header("Allow") == null
                                || !reply.header("Allow").contains(route.method())
                        ? "expected 405 with Allow naming " + route.method() + ", got " + reply.status() + " Allow "
                                + reply.header("Allow")
                        : null;
        return send(
                "method " + method,
                new RawHttp.Request(method, r.target(), r.headers(), r.body(), false),
                RequestFuzzer.Scope.ELSEWHERE,
                expectation);
    }

    /** A declared query parameter with a value its schema refuses (400 naming it), or odd query syntax. */
    Case query() {
        List<Route.Param> declared =
                route.params().stream().filter(p -> p.in().equals("query")).toList();
        String path = fuzzer.path(route);
        if (declared.isEmpty() || fuzzer.random().nextInt(4) == 0) {
            String query = fuzzer.pick(List.of(
                    "%",
                    "a=%zz",
                    "%zz=1",
                    "a=%E2%82",
                    "&&&",
                    "=",
                    "a[]=1&a[]=2",
                    "a=" + "q".repeat(6_000),
                    "a=%00",
                    "limit",
                    "limit=1&limit=abc",
                    "a=1;b=2",
                    "%0d%0a=1"));
            boolean malformed = query.contains("%zz") || query.equals("%");
            Expectation expectation = malformed ? RequestFuzzer.badRequest(route, "invalid_request") : Expectation.ANY;
            return send(
                    "query " + RawHttp.abbreviate(query, 40),
                    fuzzer.request(route, path + "?" + query, valid()),
                    RequestFuzzer.Scope.TRANSPORT,
                    expectation);
        }
        Route.Param param = fuzzer.pick(declared);
        JsonNode schema = SpecSamples.resolve(route.spec(), route.spec().at(param.schema()));
        String value = fuzzer.pick(invalidValues(schema));
        String target = path + "?" + param.name() + "=" + value;
        return send(
                "query " + param.name() + "=" + RawHttp.abbreviate(value, 40),
                fuzzer.request(route, target, valid()),
                RequestFuzzer.Scope.OPERATION,
                RequestFuzzer.names(param.name(), null));
    }

    private List<String> invalidValues(JsonNode schema) {
        Set<String> types = SpecSamples.types(route.spec(), schema);
        if (types.contains("integer")) {
            List<String> values =
                    new java.util.ArrayList<>(List.of("abc", "1.5", "1e3", "99999999999999999999", "%20", "0x10"));
            if (schema.has("minimum")) {
                values.add(Long.toString(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                values.add(Long.toString(schema.get("maximum").asLong() + 1));
            }
            return values;
        }
        if (types.contains("boolean")) {
            return List.of("yes", "1", "TRUE", "");
        }
        if (schema.has("enum")) {
            return List.of("bogus", "%00", "");
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return List.of("yesterday", "2025-13-45T99:00:00Z", "1");
        }
        if ("uuid".equals(schema.path("format").asText()) || schema.has("pattern")) {
            return List.of("not-a-uuid", "%00");
        }
        return List.of("%zz");
    }
}
