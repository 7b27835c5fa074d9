package dev.flireo.testkit.mock.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A documented error answer. Handlers throw it; the dispatcher renders it in the envelope of the spec the
 * request belongs to. It carries no stack trace: it is an answer, not a failure of the mock.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String param;
    private final String type;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiError(int status, String code, String message, String param, String type) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
        this.type = type;
    }

    public static ApiError badRequest(String code, String message, String param) {
        return new ApiError(400, code, message, param, "invalid_request_error");
    }

    public static ApiError invalid(int status, String message, String param) {
        return new ApiError(status, "invalid_request", message, param, "invalid_request_error");
    }

    public static ApiError missingField(String param) {
        return new ApiError(400, "missing_field", "Missing required field: " + param, param, "invalid_request_error");
    }

    public static ApiError notFound(String what) {
        return notFound("not_found", what + " not found");
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message, null, "invalid_request_error");
    }

    public static ApiError conflict(String code, String message, String param) {
        return new ApiError(409, code, message, param, "invalid_request_error");
    }

    public static ApiError unprocessable(String message, String param) {
        return new ApiError(422, "invalid_request", message, param, "invalid_request_error");
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "Invalid or missing API key", null, "authentication_error");
    }

    public static ApiError insufficientCredits() {
        return new ApiError(402, "insufficient_credits",
                "Insufficient credits to make outbound call. Please add credits in your billing dashboard.", null, null);
    }

    public static ApiError rateLimited(long retryAfterSeconds) {
        ApiError error = new ApiError(429, "rate_limit_exceeded",
                "Too many requests. Please retry after " + retryAfterSeconds + " seconds.", null, null);
        error.headers.put("Retry-After", Long.toString(retryAfterSeconds));
        return error;
    }

    public static ApiError methodNotAllowed(String method, String path, List<String> allowed) {
        ApiError error = new ApiError(405, "method_not_allowed",
                "Method " + method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed),
                null, "invalid_request_error");
        error.headers.put("Allow", String.join(", ", allowed));
        return error;
    }

    public static ApiError injected(int status) {
        return new ApiError(status, status >= 500 ? "server_error" : "injected_fault",
                "Fault injected by the Flireo mock (HTTP " + status + ")", null, status >= 500 ? "api_error" : null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public String type() {
        return type;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
