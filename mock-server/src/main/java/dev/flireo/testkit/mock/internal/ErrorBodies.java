package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The documented error envelopes: the error-codes guide's object form ({@code code, message, param, type}), the
 * string form the authentication page shows for 401/403, and the legacy API's {@code {code, message, details}}.
 */
final class ErrorBodies {

    /** The codes of the legacy error table; other errors are mapped onto them by status. */
    private static final List<String> LEGACY_CODES = List.of("invalid_parameters", "already_linked", "already_in_use",
            "no_phone_number", "invalid_status", "insufficient_credits", "forbidden", "not_found",
            "rate_limit_exceeded", "server_error");

    private ErrorBodies() {
    }

    static ObjectNode of(ApiSpec spec, ApiError e) {
        if (spec != null && spec.prefix().equals(MockApi.LEGACY_PREFIX)) {
            ObjectNode error = Json.object().put("code", legacyCode(e)).put("message", e.getMessage());
            ObjectNode details = error.putObject("details");
            if (e.param() != null) {
                details.put("param", e.param());
            }
            return Json.object("error", error);
        }
        if (e.status() == 401) {
            return Json.object().put("error", "Unauthorized").put("message", e.getMessage());
        }
        if (e.status() == 403) {
            return Json.object().put("error", "Forbidden").put("message", e.getMessage());
        }
        ObjectNode error = Json.object().put("code", e.code()).put("message", e.getMessage());
        if (e.param() != null) {
            error.put("param", e.param());
        }
        if (e.type() != null) {
            error.put("type", e.type());
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
