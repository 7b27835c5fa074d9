package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The error envelopes. The Flireo API (and the mock's own admin API) answer every 4xx and 5xx with one flat body,
 * {@code {"error": code, "message": sentence, "details"?: [...], "param"?: field}}: the shape the vendor's SDK
 * v2.2.0 reads ({@code src/client.ts} builds {@code "error: message"}, {@code src/errors.ts} keeps {@code details}),
 * and v1.0.1 reads {@code error} as a string too. The legacy API keeps its documented {@code {error: {code, message,
 * details}}}.
 */
public final class ErrorBodies {

    /** The codes of the legacy error table; other errors are mapped onto them by status. */
    private static final List<String> LEGACY_CODES = List.of(
            "invalid_parameters",
            "already_linked",
            "already_in_use",
            "no_phone_number",
            "invalid_status",
            "insufficient_credits",
            "forbidden",
            "not_found",
            "rate_limit_exceeded",
            "server_error");

    private ErrorBodies() {}

    /** The body of an error of {@code spec}'s API; no spec (the admin API, unknown paths) gets the Flireo envelope. */
    public static ObjectNode of(RouteTable spec, ApiError e) {
        if (spec != null && spec.prefix().equals(MockApi.LEGACY_PREFIX)) {
            return legacy(e);
        }
        ObjectNode body = Json.object().put("error", e.code()).put("message", e.getMessage());
        if (e.details().size() > 1) {
            e.details().forEach(body.putArray("details")::add);
        }
        if (e.param() != null) {
            body.put("param", e.param());
        }
        return body;
    }

    private static ObjectNode legacy(ApiError e) {
        ObjectNode error = Json.object().put("code", legacyCode(e)).put("message", e.getMessage());
        ObjectNode details = error.putObject("details");
        if (e.param() != null) {
            details.put("param", e.param());
        }
        return Json.object("error", error);
    }

    private static String legacyCode(ApiError e) {
        if (LEGACY_CODES.contains(e.code())) {
            return e.code();
        }
        return switch (e.status()) {
            case 400, 408, 413, 414, 422, 431 -> "invalid_parameters";
            case 401 -> "unauthorized";
            case 402 -> "insufficient_credits";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 429 -> "rate_limit_exceeded";
            default -> "server_error";
        };
    }
}
