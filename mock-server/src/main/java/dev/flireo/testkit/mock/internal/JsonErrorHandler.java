package dev.flireo.testkit.mock.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page for what fails before the mock sees a request (a malformed request line, header or chunk, an
 * ambiguous path, headers over the size limit) or what escapes WireMock: the documented error JSON instead of
 * Jetty's HTML page, without exception names. Requests to other paths go to {@code fallback} (WireMock's own
 * handler), when there is one.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final RequestGuard guard;
    private final ErrorHandler fallback;

    JsonErrorHandler(RequestGuard guard, ErrorHandler fallback) {
        this.guard = guard;
        this.fallback = fallback;
        setShowStacks(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (fallback != null && !guard.ours(path)) {
            return fallback.handle(request, response, callback);
        }
        if (path != null && path.startsWith("/__admin")) {
            // WireMock's admin API keeps its own messages (e.g. "request journal is disabled"): they are the help.
            return super.handle(request, response, callback);
        }
        HttpResult result = guard.render(
                request.getMethod(),
                request.getHttpURI().getPathQuery(),
                headers(request),
                error(request, response.getStatus()));
        response.setStatus(result.status());
        result.headers().forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(result.body()), callback);
        return true;
    }

    /** Jetty's reason as the documented error; a 5xx says no more than that the mock failed. */
    private static ApiError error(Request request, int status) {
        String message = (String) request.getAttribute(ERROR_MESSAGE);
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        if (cause instanceof HttpException http) {
            status = http.getCode();
            message = message == null ? http.getReason() : message;
            if (status >= 500) {
                // Jetty's parser says 505 to an HTTP/0.9 request line and 501 to an unknown Transfer-Encoding: both
                // are the client's input, not a failure of the mock.
                message = status == 505
                        ? "unsupported HTTP version (the mock serves HTTP/1.0 and HTTP/1.1)"
                        : message == null || message.contains("Exception") ? HttpStatus.getMessage(status) : message;
                status = 400;
            }
        }
        if (status >= 500) {
            return ApiError.internal(status, ": " + HttpStatus.getMessage(status));
        }
        if (message == null || message.contains("Exception")) {
            message = HttpStatus.getMessage(status);
        }
        if (cause != null
                && cause.getCause() instanceof IllegalArgumentException
                && message.equals(HttpStatus.getMessage(status))) {
            // Jetty's URI parser says only "Bad Request" (its cause reads e.g. "!hex z").
            message = "invalid character or %-escape in the request target";
        }
        return ApiError.invalid(status, "Malformed HTTP request: " + message, null);
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> out = new HashMap<>();
        request.getHeaders().forEach(f -> out.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), f.getValue()));
        return out;
    }
}
