package dev.flireo.testkit.mock;

import dev.flireo.testkit.mock.RequestFuzzer.Case;
import dev.flireo.testkit.mock.RequestFuzzer.Expectation;
import dev.flireo.testkit.mock.internal.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Mutations of how a request travels: bodies over the size limit (with a Content-Length and chunked), gzip bodies
 * (valid, corrupt, a bomb), wrong or odd Content-Types, repeated, oversized, many and odd-byte headers, a missing
 * or malformed Authorization, contradicting framing.
 */
final class TransportMutations {

    private final RequestFuzzer fuzzer;
    private final Route route;

    TransportMutations(RequestFuzzer fuzzer, Route route) {
        this.fuzzer = fuzzer;
        this.route = route;
    }

    Case next() {
        return switch (fuzzer.random().nextInt(9)) {
            case 0 -> overLimit();
            case 1 -> gzip();
            case 2 -> contentType();
            case 3 -> repeatedHeaders();
            case 4 -> oversizedHeaders();
            case 5 -> oddHeaderBytes();
            case 6 -> authorization();
            case 7 -> framing();
            default -> manyHeaders();
        };
    }

    private Case send(String mutation, RawHttp.Request request, Expectation expectation) {
        return new Case(route, mutation, request, RequestFuzzer.Scope.TRANSPORT, expectation);
    }

    private byte[] valid() {
        return RequestFuzzer.validBytes(route);
    }

    /** 413 naming the limit, read or not: the body is one byte or 1 MiB over it, the length declared or chunked. */
    private Case overLimit() {
        long limit = fuzzer.maxBodySize();
        byte[] body = new byte[(int) limit + (fuzzer.random().nextBoolean() ? 1 : 1 << 20)];
        java.util.Arrays.fill(body, (byte) ' ');
        boolean chunked = fuzzer.random().nextBoolean();
        RawHttp.Request r = fuzzer.request(route, body);
        r = new RawHttp.Request(r.method(), r.target(), r.headers(), r.body(), chunked);
        String code = route.spec() == SpecSamples.LEGACY ? "invalid_parameters" : "request_too_large";
        return send(
                "body of " + body.length + " bytes" + (chunked ? ", chunked" : ""),
                r,
                (reply, error) -> reply.status() != 413
                                || !code.equals(FuzzChecks.code(error))
                                || !error.path("message").asText().contains(Long.toString(limit))
                        ? "expected 413 " + code + " naming the limit " + limit + ", got " + reply.status() + " "
                                + error
                        : null);
    }

    private Case gzip() {
        int kind = fuzzer.random().nextInt(3);
        byte[] body = switch (kind) {
            case 0 -> gzipped(valid());
            case 1 -> "\u001f\u008bnot really gzip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            default -> gzipped(new byte[(int) fuzzer.maxBodySize() * 4]);
        };
        Expectation expectation = kind == 0
                ? Expectation.ANY
                : kind == 1 ? RequestFuzzer.badRequest(route, "invalid_request") : RequestFuzzer.status(413);
        String[] names = {"valid gzip", "corrupt gzip", "gzip bomb"};
        return send(
                names[kind], fuzzer.request(route, fuzzer.path(route), body, "Content-Encoding", "gzip"), expectation);
    }

    /** The mock reads every body as JSON, whatever the Content-Type says; none may break it. */
    private Case contentType() {
        String type = fuzzer.pick(List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=xyz",
                "application/json; charset=utf-99",
                "application/json; charset=utf-16",
                ";;;",
                "",
                "application/json, text/html",
                "*/*"));
        byte[] body = fuzzer.random().nextBoolean() ? valid() : RequestFuzzer.utf8("{\"name\":\"50% off a=b&c=%zz\"}");
        List<String[]> headers =
                RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer k", "Content-Type", type);
        return send(
                "Content-Type " + type,
                new RawHttp.Request(route.method(), fuzzer.path(route), headers, body, false),
                Expectation.ANY);
    }

    private Case repeatedHeaders() {
        RawHttp.Request r = fuzzer.request(
                route,
                fuzzer.path(route),
                valid(),
                "Authorization",
                "Bearer other",
                "Content-Type",
                "text/plain",
                "X-Repeated",
                "1",
                "X-Repeated",
                "2");
        return send("repeated headers", r, Expectation.ANY);
    }

    /** Headers over the server's limit: 431; a long but allowed Authorization: any answer. */
    private Case oversizedHeaders() {
        boolean over = fuzzer.random().nextBoolean();
        String value = "v".repeat(over ? 70_000 : 6_000);
        RawHttp.Request r = fuzzer.request(route, fuzzer.path(route), valid(), over ? "X-Huge" : "X-Long", value);
        return send((over ? "oversized" : "long") + " header", r, over ? RequestFuzzer.status(431) : Expectation.ANY);
    }

    private Case manyHeaders() {
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            extra.add("X-Many-" + i);
            extra.add("value " + i);
        }
        return send(
                "100 headers",
                fuzzer.request(route, fuzzer.path(route), valid(), extra.toArray(String[]::new)),
                Expectation.ANY);
    }

    /** Bytes above 0x7f are allowed in header values (obs-text); control characters are not (400). */
    private Case oddHeaderBytes() {
        boolean control = fuzzer.random().nextBoolean();
        String value = control ? "a\u0001b" : "caf\u00e9 \u00ff\u00fe";
        RawHttp.Request r = fuzzer.request(route, fuzzer.path(route), valid(), "X-Odd", value);
        return send(
                (control ? "control" : "non-ASCII") + " header bytes",
                r,
                control ? RequestFuzzer.status(400) : Expectation.ANY);
    }

    private Case authorization() {
        String value = fuzzer.pick(
                List.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer", "Token k", "Bearer \u00ff\u00fe"));
        List<String[]> headers =
                RawHttp.headers("Host", "127.0.0.1", "Authorization", value, "Content-Type", "application/json");
        boolean accepted = value.equals("Bearer \u00ff\u00fe");
        return send(
                "Authorization '" + value + "'",
                new RawHttp.Request(route.method(), fuzzer.path(route), headers, valid(), false),
                route.authenticated() && !accepted ? RequestFuzzer.status(401) : Expectation.ANY);
    }

    /** Framing the parser must refuse with 400: a bad Content-Length, both framings, a broken chunk. */
    private Case framing() {
        List<String[]> headers = RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer k");
        int kind = fuzzer.random().nextInt(4);
        byte[] body = RequestFuzzer.utf8("zz\r\nnot a chunk\r\n");
        switch (kind) {
            case 0 -> headers.addAll(RawHttp.headers("Content-Length", "-1"));
            case 1 -> headers.addAll(RawHttp.headers("Content-Length", "12abc"));
            case 2 -> headers.addAll(RawHttp.headers("Transfer-Encoding", "chunked", "Content-Length", "3"));
            default -> headers.addAll(RawHttp.headers("Transfer-Encoding", "chunked"));
        }
        return send(
                "framing " + kind,
                new RawHttp.Request(route.method(), fuzzer.path(route), headers, body, false),
                RequestFuzzer.status(400));
    }

    private static byte[] gzipped(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
