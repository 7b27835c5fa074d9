package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flireo.testkit.openapi.SpecDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bundled spec read as a plain JSON tree: the route table is built from its paths, and request schemas are
 * addressed by JSON pointer into it, so the validator sees exactly the published document.
 */
public final class ApiSpec {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final SpecDocument document;
    private final String prefix;
    private final JsonNode tree;
    private final List<Route> routes;

    private ApiSpec(SpecDocument document, String prefix) {
        this.document = document;
        this.prefix = prefix;
        try (java.io.InputStream json = SpecJson.open(document)) {
            this.tree = json != null ? Json.MAPPER.readTree(json) : new ObjectMapper(new YAMLFactory()).readTree(document.read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.routes = List.copyOf(readRoutes());
    }

    public static ApiSpec of(SpecDocument document, String prefix) {
        return new ApiSpec(document, prefix);
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

    /** The classpath location networknt loads the document from (relative $refs resolve next to it). */
    public String location() {
        return "classpath:openapi/" + document.fileName();
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
                    result.add(route(path.getKey(), pathPointer, method, op, path.getValue().path("parameters")));
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
                ? opPointer + "/requestBody/content/application~1json/schema" : null;
        Set<String> statuses = new LinkedHashSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        int success = statuses.stream().filter(s -> s.startsWith("2")).findFirst().map(Integer::parseInt).orElse(200);
        boolean authenticated = !(op.has("security") && op.get("security").isEmpty());
        return new Route(this, method.toUpperCase(java.util.Locale.ROOT), template, op.path("operationId").asText(),
                schema, body.path("required").asBoolean(false), List.copyOf(params), Set.copyOf(statuses),
                authenticated, success);
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
            into.add(new Route.Param(name, param.path("in").asText(), param.path("required").asBoolean(false),
                    pointer + "/schema"));
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
