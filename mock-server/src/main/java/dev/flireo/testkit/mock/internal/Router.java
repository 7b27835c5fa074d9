package dev.flireo.testkit.mock.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Finds the operation a request path and method belong to; literal segments win over parameters. */
public final class Router {

    private final List<Route> routes;
    /** Each route's template split once, not on every request. */
    private final List<List<String>> templates;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.templates = this.routes.stream().map(Route::segments).toList();
    }

    /** The match, or an {@link ApiError} 404 (no such path) or 405 (path known, method not). */
    public Match match(String method, String path) {
        List<String> given = RouteTable.segments(path);
        Match best = null;
        int bestScore = -1;
        TreeSet<String> allowed = new TreeSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            List<String> template = templates.get(i);
            Map<String, String> params = bind(template, given);
            if (params == null) {
                continue;
            }
            int score = template.size() - params.size();
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            if (score > bestScore) {
                best = new Match(route, params);
                bestScore = score;
            }
        }
        if (best != null) {
            return best;
        }
        if (!allowed.isEmpty()) {
            throw ApiError.methodNotAllowed(method, path, new ArrayList<>(allowed));
        }
        throw ApiError.notFound("no_route", "No operation at " + method + " " + path);
    }

    private static Map<String, String> bind(List<String> template, List<String> given) {
        if (template.size() != given.size()) {
            return null;
        }
        // Literal segments first: most routes fail there, and then nothing needs to be allocated or decoded.
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (!isParameter(t) && !t.equals(given.get(i))) {
                return null;
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (isParameter(t)) {
                // '+' is literal in a path (call ids contain E.164 numbers); only %XX escapes are decoded.
                params.put(
                        t.substring(1, t.length() - 1),
                        java.net.URLDecoder.decode(
                                given.get(i).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** A route with the values of its path parameters. */
    public record Match(Route route, Map<String, String> pathParams) {}
}
