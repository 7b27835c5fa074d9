package dev.flireo.testkit.mock.internal;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.multipart.PartParser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Stands between Jetty and WireMock. It reads every request body itself, at most {@code maxBodySize} bytes (413
 * beyond, also for a chunked body without Content-Length, also once a gzip body is inflated), so no request can
 * make the server buffer more. On the mock's own paths it inflates a gzip body, and refuses with the documented 400
 * what WireMock would otherwise turn into an HTML 500 while logging the request: bad %-escapes in the query, an
 * unreadable or invalid gzip body, a multipart body its parser cannot read; and it hides a form Content-Type from
 * WireMock's form parser (the mock reads every body as JSON, whatever the Content-Type says).
 */
public final class RequestGuard implements Filter {

    private static final System.Logger LOG = System.getLogger(RequestGuard.class.getName());

    /** Renders a refusal as the documented error answer of the path's API. */
    @FunctionalInterface
    public interface Refusals {
        HttpResult render(String method, String url, Map<String, String> headers, ApiError error);
    }

    private static final int GZIP_MAGIC = 0x8b1f;
    /** How much of a refused body is read and dropped at least (see {@link #drain}). */
    private static final long DRAIN_BOUND = 16L << 20;

    private final long maxBodySize;
    private final List<String> prefixes;
    private final Refusals refusals;
    private final SlowClients slowClients;

    public RequestGuard(long maxBodySize, List<String> prefixes, Refusals refusals, SlowClients slowClients) {
        this.maxBodySize = maxBodySize;
        this.prefixes = List.copyOf(prefixes);
        this.refusals = refusals;
        this.slowClients = slowClients;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        try {
            byte[] body = readBody(request);
            boolean ours = ours(request.getRequestURI());
            if (ours) {
                checkQuery(request.getQueryString());
                body = decode(request, body);
            }
            chain.doFilter(new BufferedRequest(request, body, ours), response);
        } catch (ApiError e) {
            refuse(request, response, e);
        }
    }

    /** Puts this filter in front of everything else on WireMock's stub servlet. */
    public void addTo(ServletContextHandler mockServiceContext) {
        mockServiceContext.addFilter(new FilterHolder(this), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /** JSON error pages for the mock's paths; other paths go to {@code fallback} when there is one. */
    public ErrorHandler errorPages(ErrorHandler fallback) {
        return new JsonErrorHandler(this, fallback);
    }

    /** Whether a path belongs to the mock (its APIs and its admin API) rather than to WireMock or a user's stub. */
    boolean ours(String path) {
        return path != null && prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private byte[] readBody(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxBodySize) {
            throw tooLarge("");
        }
        if (declared == 0) {
            return new byte[0];
        }
        byte[] body;
        BodyDeadline deadline = BodyDeadline.start(request, slowClients.bodyDeadline());
        try {
            InputStream in = deadline.wrap(request.getInputStream());
            // A declared length is read into an array of that size: reading up to the limit would allocate it in
            // 8 KiB steps and copy, for every request.
            body = declared > 0 && !gzipped(request) ? readExactly(in, (int) declared) : readAtMost(in);
        } catch (IOException | RuntimeException e) {
            if (deadline.passed() || timedOut(e)) {
                slowClients.cutBody(request.getRemoteAddr() + ":" + request.getRemotePort(), deadline.got(), declared);
                throw tooSlow(deadline.got(), declared);
            }
            // A broken chunk, an early end (Jetty says so either way): the body never arrived whole. Jetty's
            // messages name its exception classes, so the client gets only what happened.
            throw ApiError.badRequest(
                    "invalid_request",
                    "The request body could not be read: it ended after "
                            + deadline.got() + (declared < 0 ? " bytes" : " of the " + declared + " bytes declared")
                            + " or its chunked framing is broken",
                    null);
        } finally {
            deadline.restore();
        }
        if (body == null) {
            throw tooLarge("");
        }
        return body;
    }

    /** Jetty's idle timeout, armed by the deadline, counts from the last byte: it may fire just before it. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private ApiError tooSlow(long got, long declared) {
        ApiError e = new ApiError(
                408,
                "request_timeout",
                "The request body did not arrive within the limit of "
                        + slowClients.bodyDeadline().toMillis() + " ms: " + got
                        + (declared < 0 ? " bytes came" : " of the " + declared + " bytes declared came"),
                null);
        e.headers().put("Connection", "close");
        return e;
    }

    /** The {@code length} bytes a request declared; Jetty ends the stream there, or fails it when the body is short. */
    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("the body ended after " + bytes.length + " of the " + length + " bytes declared");
        }
        return bytes;
    }

    /** The stream's bytes, or null when there are more than {@code maxBodySize}. */
    private byte[] readAtMost(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
        return bytes.length > maxBodySize ? null : bytes;
    }

    private ApiError tooLarge(String how) {
        ApiError e = new ApiError(
                413,
                "request_too_large",
                "The request body" + how + " is larger than the limit of " + maxBodySize + " bytes",
                null);
        // The rest of the body stays unread: the connection cannot be reused.
        e.headers().put("Connection", "close");
        return e;
    }

    private static void checkQuery(String query) {
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            try {
                URLDecoder.decode(pair, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                String name = pair.split("=", 2)[0];
                throw ApiError.invalid(400, "Malformed %-escape in the query parameter '" + name + "'", name);
            }
        }
    }

    /**
     * The body the mock reads: a gzip body inflated (at most to the limit), since both ways a request takes (the
     * direct one and WireMock's) must see the same JSON. Bytes that only look like gzip are not JSON either.
     */
    private byte[] decode(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (type != null && type.contains("multipart/")) {
            checkMultipart(type, body);
        }
        boolean magic = body.length > 1 && ((body[1] & 0xff) << 8 | body[0] & 0xff) == GZIP_MAGIC;
        if (!gzipped(request)) {
            if (magic) {
                throw ApiError.badRequest(
                        "invalid_json",
                        "Request body is not valid JSON: it is gzip data without " + "Content-Encoding: gzip",
                        null);
            }
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = readAtMost(in);
            if (inflated == null) {
                throw tooLarge(", inflated,");
            }
            return inflated;
        } catch (IOException e) {
            throw ApiError.badRequest(
                    "invalid_request",
                    "The request body is not valid gzip: "
                            + (e.getMessage() == null ? "it ends early" : e.getMessage()),
                    null);
        }
    }

    static boolean gzipped(HttpServletRequest request) {
        String encoding = request.getHeader("Content-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /** One legacy upload takes multipart bodies: WireMock parses every such body, so it must parse. */
    private static void checkMultipart(String type, byte[] body) {
        try {
            PartParser.parseFrom(new ImmutableRequest.Builder()
                    .withAbsoluteUrl("http://localhost/")
                    .withMethod(RequestMethod.POST)
                    .withHeader("Content-Type", type)
                    .withBody(body)
                    .build());
        } catch (Exception e) { // WireMock rethrows the parser's checked exception unchecked
            throw ApiError.badRequest("invalid_request", "The request body is not valid " + type.strip(), null);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        String url = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HttpResult result = render(request.getMethod(), url, headers(request), error);
        response.setStatus(result.status());
        result.headers().forEach(response::setHeader);
        response.setContentLength(result.body().length);
        try {
            response.getOutputStream().write(result.body());
            response.flushBuffer();
            if (error.status() != 408) { // a client too slow to send its body is not waited for again
                drain(request);
            }
        } catch (IOException ignored) {
            // The client left while we refused it: the answer is out, nothing is left to do.
        } catch (RuntimeException e) {
            // The client broke its framing while we refused it; worth a trace, not an answer.
            LOG.log(System.Logger.Level.DEBUG, "client broke its framing while refused", e);
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to a bound: a client still sending would otherwise get a
     * connection reset instead of the answer (most clients read only once they have sent everything). A client
     * that said Expect: 100-continue sends nothing more; one that sends without end is cut off at the bound.
     */
    private void drain(HttpServletRequest request) throws IOException {
        long bound = Math.max(4 * maxBodySize, DRAIN_BOUND);
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) || request.getContentLengthLong() > bound) {
            return;
        }
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[8192];
        for (long total = 0; total < bound; ) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            total += n;
        }
    }

    HttpResult render(String method, String url, Map<String, String> headers, ApiError error) {
        return refusals.render(method, url, headers, error);
    }

    /** Lower-case names, first value: how the mock's pipeline reads headers. */
    static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            out.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return out;
    }
}
