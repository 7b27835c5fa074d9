package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.ApiContracts;
import dev.flireo.testkit.openapi.FlireoSpecs;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations one served API answers, read from the paths of the openapi module's spec tree (the one spec
 * model, parsed once per JVM, that the contracts validate with): the router's fast path, with each operation's
 * parameters, statuses and security. Request bodies and parameter values are judged by {@link #contracts()}.
 */
public final class RouteTable {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final RouteTable FLIREO =
            new RouteTable(SpecDocument.FLIREO_API, MockApi.FLIREO_PREFIX, ApiContracts.flireo());
    private static final RouteTable LEGACY =
            new RouteTable(SpecDocument.LEGACY_NL, MockApi.LEGACY_PREFIX, ApiContracts.legacy());

    private final SpecDocument document;
    private final String prefix;
    private final ApiContracts contracts;
    private final JsonNode tree;
    private final List<Route> routes;

    private RouteTable(SpecDocument document, String prefix, ApiContracts contracts) {
        this.document = document;
        this.prefix = prefix;
        this.contracts = contracts;
        this.tree = FlireoSpecs.tree(document);
        this.routes = List.copyOf(readRoutes());
    }

    /** The Flireo API under {@code /api/v1}. */
    public static RouteTable flireo() {
        return FLIREO;
    }

    /** The legacy Dutch API under {@code /v1}. */
    public static RouteTable legacy() {
        return LEGACY;
    }

    /** The served spec a {@code $ref}'s file names ({@code ./flireo-api.yaml}), or null for another document. */
    static RouteTable byFileName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.equals(FLIREO.document.fileName())
                ? FLIREO
                : name.equals(LEGACY.document.fileName()) ? LEGACY : null;
    }

    /** The contracts that judge this API's requests: the same the proxy and {@code flireo validate} use. */
    public ApiContracts contracts() {
        return contracts;
    }

    public SpecDocument document() {
        return document;
    }

    /** The path prefix the spec is served under, e.g. {@code /api/v1}. */
    public String prefix() {
        return prefix;
    }

    public JsonNode tree() {
        return tree;
    }

    public List<Route> routes() {
        return routes;
    }

    /** The node a local JSON pointer (or a {@code #/...} $ref) points at. */
    public JsonNode at(String pointer) {
        return tree.at(pointer.startsWith("#") ? pointer.substring(1) : pointer);
    }

    private List<Route> readRoutes() {
        List<Route> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = tree.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String pathPointer = "/paths/" + escape(path.getKey());
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    result.add(route(
                            path.getKey(),
                            pathPointer,
                            method,
                            op,
                            path.getValue().path("parameters")));
                }
            }
        }
        return result;
    }

    private Route route(String template, String pathPointer, String method, JsonNode op, JsonNode shared) {
        String opPointer = pathPointer + "/" + method;
        List<Route.Param> params = new ArrayList<>();
        addParams(shared, pathPointer + "/parameters", params);
        addParams(op.path("parameters"), opPointer + "/parameters", params);
        JsonNode body = op.path("requestBody");
        String schema = body.path("content").has("application/json")
                ? opPointer + "/requestBody/content/application~1json/schema"
                : null;
        Set<String> statuses = new LinkedHashSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        int success = statuses.stream()
                .filter(s -> s.startsWith("2"))
                .findFirst()
                .map(Integer::parseInt)
                .orElse(200);
        boolean authenticated = !(op.has("security") && op.get("security").isEmpty());
        return new Route(
                this,
                method.toUpperCase(java.util.Locale.ROOT),
                template,
                op.path("operationId").asText(),
                schema,
                body.path("required").asBoolean(false),
                List.copyOf(params),
                Set.copyOf(statuses),
                authenticated,
                success);
    }

    private void addParams(JsonNode list, String listPointer, List<Route.Param> into) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode param = list.get(i);
            String pointer = listPointer + "/" + i;
            if (param.has("$ref")) {
                pointer = param.get("$ref").asText().substring(1);
                param = at(pointer);
            }
            String name = param.path("name").asText();
            into.removeIf(p -> p.name().equals(name));
            into.add(new Route.Param(
                    name, param.path("in").asText(), param.path("required").asBoolean(false), pointer + "/schema"));
        }
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
