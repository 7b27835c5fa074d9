package dev.flireo.testkit.mock.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's page, script and style under {@code /__flireo/ui/}, from the classpath: no CDN and no build step,
 * so it works offline and in the Docker image. Everything the page shows or does goes through the admin API.
 */
final class Dashboard {

    static final String PATH = "/ui";
    /** The files stay where the public package put them: the served paths and the jar layout do not change. */
    private static final String RESOURCES = "/dev/flireo/testkit/mock/ui/";

    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");
    /** The page loads only its own files and talks only to its own origin: no inline script can run in it. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Read once: the files are fixed in the jar, and a lookup in the shaded jar is slow on a first paint. */
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private Dashboard() {}

    /** {@code path} is below the admin prefix: {@code /ui}, {@code /ui/app.js}, ... (trailing slash removed). */
    static HttpResult serve(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw ApiError.invalid(405, "The dashboard is read with GET; its actions use the admin API", null);
        }
        String file = path.equals(PATH) ? "index.html" : path.substring(PATH.length() + 1);
        String type = TYPES.get(file);
        if (type == null) {
            throw ApiError.notFound("no_route", "No dashboard file " + file + "; the dashboard is at /__flireo/ui/");
        }
        byte[] body = FILES.computeIfAbsent(file, Dashboard::read);
        return new HttpResult(
                200,
                Map.of(
                        "Content-Type",
                        type,
                        "Content-Security-Policy",
                        POLICY,
                        "X-Content-Type-Options",
                        "nosniff",
                        "Cache-Control",
                        "no-cache"),
                body,
                0,
                null);
    }

    private static byte[] read(String file) {
        try (InputStream in = Dashboard.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the classpath: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
