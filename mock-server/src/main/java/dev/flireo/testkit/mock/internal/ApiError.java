package dev.flireo.testkit.mock.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A documented error answer. Handlers throw it; the dispatcher renders it in the envelope of the spec the
 * request belongs to ({@link ErrorBodies}). It carries no stack trace: it is an answer, not a failure of the mock.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String param;
    private final List<String> details;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiError(int status, String code, String message, String param) {
        this(status, code, message, param, List.of());
    }

    private ApiError(int status, String code, String message, String param, List<String> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
        this.details = List.copyOf(details);
    }

    public static ApiError badRequest(String code, String message, String param) {
        return new ApiError(400, code, message, param);
    }

    public static ApiError invalid(int status, String message, String param) {
        return new ApiError(status, "invalid_request", message, param);
    }

    /**
     * Several problems of one request at once: {@code message} sums them up, {@code details} has one sentence per
     * problem and {@code param} names the first problem's field.
     */
    public static ApiError invalid(int status, List<String> problems, String param) {
        String message = problems.get(0)
                + (problems.size() == 1
                        ? ""
                        : ", and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? "" : "s"));
        return new ApiError(status, "invalid_request", message, param, problems);
    }

    public static ApiError missingField(String param) {
        return invalid(400, missingFieldMessage(param), param);
    }

    public static String missingFieldMessage(String param) {
        return "Missing required field: " + param;
    }

    public static ApiError notFound(String what) {
        return notFound("not_found", what + " not found");
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message, null);
    }

    public static ApiError conflict(String code, String message, String param) {
        return new ApiError(409, code, message, param);
    }

    public static ApiError unprocessable(String message, String param) {
        return invalid(422, message, param);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "Invalid or missing API key", null);
    }

    public static ApiError insufficientCredits() {
        return new ApiError(
                402,
                "insufficient_credits",
                "Insufficient credits to make outbound call. Please add credits in your billing dashboard.",
                null);
    }

    public static ApiError rateLimited(long retryAfterSeconds) {
        ApiError error = new ApiError(
                429,
                "rate_limit_exceeded",
                "Too many requests. Please retry after " + retryAfterSeconds + " seconds.",
                null);
        error.headers.put("Retry-After", Long.toString(retryAfterSeconds));
        return error;
    }

    public static ApiError methodNotAllowed(String method, String path, List<String> allowed) {
        ApiError error = new ApiError(
                405,
                "method_not_allowed",
                "Method " + method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed),
                null);
        error.headers.put("Allow", String.join(", ", allowed));
        return error;
    }

    public static ApiError injected(int status) {
        return new ApiError(
                status,
                status >= 500 ? "server_error" : "injected_fault",
                "Fault injected by the Flireo mock (HTTP " + status + ")",
                null);
    }

    /** A failure of the mock itself: the status and nothing of its cause (no class names leave the mock). */
    public static ApiError internal(int status, String what) {
        return new ApiError(status, "server_error", "Internal error in the Flireo mock" + what, null);
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

    /** One sentence per problem when there are several; empty otherwise. */
    public List<String> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
