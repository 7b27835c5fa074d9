package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.ApiContracts;
import dev.flireo.testkit.contracts.ValidationReport;
import dev.flireo.testkit.contracts.Violation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The validating proxy: forwards every API request unchanged to a real Flireo API, checks the request and the
 * answer against the spec, logs each drift (operation, direction, field, expected, actual) and can save the
 * resources it saw as a seed file for the mock.
 */
public final class Proxy {

    /** One difference between the traffic and the spec. */
    public record Drift(
            String operation, String direction, String field, String expected, String actual, String message) {
        public ObjectNode toJson() {
            return Json.object()
                    .put("operation", operation)
                    .put("direction", direction)
                    .put("field", field)
                    .put("expected", expected)
                    .put("actual", actual)
                    .put("message", message);
        }

        @Override
        public String toString() {
            return operation + " " + direction + " " + (field.isEmpty() ? "(body)" : field) + ": expected " + expected
                    + ", actual " + actual + " (" + message + ")";
        }
    }

    /** Hop-by-hop and length headers the HTTP layers set themselves. */
    private static final Set<String> SKIPPED = Set.of(
            "connection",
            "content-length",
            "transfer-encoding",
            "host",
            "upgrade",
            "http2-settings",
            "keep-alive",
            "expect");
    /** Response wrapper keys and the collections their resources are saved in. */
    private static final Map<String, Resource> WRAPPERS = Map.ofEntries(
            Map.entry("assistant", Resource.ASSISTANTS),
            Map.entry("assistants", Resource.ASSISTANTS),
            Map.entry("number", Resource.NUMBERS),
            Map.entry("numbers", Resource.NUMBERS),
            Map.entry("trunk", Resource.SIP_TRUNKS),
            Map.entry("trunks", Resource.SIP_TRUNKS),
            Map.entry("tool_template", Resource.TOOL_TEMPLATES),
            Map.entry("tool_templates", Resource.TOOL_TEMPLATES),
            Map.entry("analysis_template", Resource.ANALYSIS_TEMPLATES),
            Map.entry("analysis_templates", Resource.ANALYSIS_TEMPLATES),
            Map.entry("campaign", Resource.CAMPAIGNS),
            Map.entry("campaigns", Resource.CAMPAIGNS),
            Map.entry("lead", Resource.LEADS),
            Map.entry("leads", Resource.LEADS),
            Map.entry("mcp_server", Resource.MCP_SERVERS),
            Map.entry("mcp_servers", Resource.MCP_SERVERS),
            Map.entry("workflow", Resource.WORKFLOWS),
            Map.entry("calls", Resource.CALLS),
            Map.entry("logs", Resource.USAGE));

    private final URI target;
    private final MockApi api;
    private final Path recordTo;
    private final Consumer<Drift> onDrift;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<Drift> drifts = new CopyOnWriteArrayList<>();
    private final StateStore recorded = new StateStore();

    public Proxy(URI target, MockApi api, Path recordTo, Consumer<Drift> onDrift) {
        String base = target.toString();
        this.target = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.api = api;
        this.recordTo = recordTo;
        this.onDrift = onDrift;
    }

    public List<Drift> drifts() {
        return List.copyOf(drifts);
    }

    public ArrayNode driftsJson() {
        ArrayNode out = Json.array();
        drifts.forEach(d -> out.add(d.toJson()));
        return out;
    }

    public HttpResult handle(String method, String url, Map<String, String> headers, byte[] body) {
        RouteTable spec = api.specFor(Urls.path(url));
        Router.Match match = api.matchOrNull(spec, method, Urls.path(url));
        String operation =
                match == null ? method + " " + Urls.path(url) : match.route().operationId();
        if (match == null) {
            drift(new Drift(
                    operation,
                    "request",
                    "",
                    "an operation of " + spec.document().fileName(),
                    method + " " + Urls.path(url),
                    "no such operation in the spec"));
        } else {
            checkRequest(match.route(), body);
        }
        HttpResponse<byte[]> upstream;
        try {
            upstream = client.send(forward(method, url, headers, body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return badGateway(spec, "The upstream API at " + target + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return badGateway(spec, "Interrupted while waiting for " + target);
        }
        if (match != null) {
            checkResponse(match.route(), upstream);
        }
        Map<String, String> out = new LinkedHashMap<>();
        upstream.headers().map().forEach((name, values) -> {
            if (!SKIPPED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                out.put(name, String.join(", ", values));
            }
        });
        return new HttpResult(upstream.statusCode(), out, upstream.body(), 0, null);
    }

    private HttpRequest forward(String method, String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null || body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!SKIPPED.contains(name)) {
                b.header(name, value);
            }
        });
        return b.build();
    }

    private HttpResult badGateway(RouteTable spec, String message) {
        return api.render(spec, new ApiError(502, "bad_gateway", message, null), new LinkedHashMap<>());
    }

    private void checkRequest(Route route, byte[] body) {
        if (route.requestSchema() == null || body == null || body.length == 0) {
            return;
        }
        JsonNode json = parse(route, "request", body);
        if (json != null) {
            report(route, "request", contracts(route).validateRequest(route.operationId(), json));
        }
    }

    private void checkResponse(Route route, HttpResponse<byte[]> response) {
        byte[] body = response.body();
        JsonNode json = body == null || body.length == 0 ? null : parse(route, "response", body);
        if (body != null && body.length > 0 && json == null) {
            return;
        }
        report(route, "response", contracts(route).validateResponse(route.operationId(), response.statusCode(), json));
        if (json != null && response.statusCode() / 100 == 2 && recordTo != null) {
            record(json);
        }
    }

    /** The contracts module checks the traffic: drift is what {@code flireo validate} and the mock would report. */
    private static ApiContracts contracts(Route route) {
        return route.spec().contracts();
    }

    private JsonNode parse(Route route, String direction, byte[] body) {
        try {
            return Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            drift(new Drift(
                    route.operationId(),
                    direction,
                    "",
                    "a JSON body",
                    abbreviate(new String(body, StandardCharsets.UTF_8)),
                    "body is not JSON"));
            return null;
        }
    }

    private void report(Route route, String direction, ValidationReport report) {
        for (Violation v : report.errors()) {
            drift(new Drift(
                    route.operationId(), direction, v.field(), v.expected(), abbreviate(v.actual()), v.message()));
        }
        for (Violation v : report.warnings()) {
            drift(new Drift(
                    route.operationId(),
                    direction,
                    v.field(),
                    v.expected(),
                    abbreviate(v.actual()),
                    "warning: " + v.message()));
        }
    }

    private void drift(Drift drift) {
        drifts.add(drift);
        if (onDrift != null) {
            onDrift.accept(drift);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** Adds the resources of a successful answer to the recording and rewrites the seed file. */
    private synchronized void record(JsonNode body) {
        if (body.has("id") && body.has("status") && body.has("created_at")) {
            recorded.collection(Resource.CALLS).put((ObjectNode) body.deepCopy());
        }
        body.fields().forEachRemaining(field -> {
            Resource collection = WRAPPERS.get(field.getKey());
            if (collection == null) {
                return;
            }
            JsonNode value = field.getValue();
            for (JsonNode item : value.isArray() ? value : Json.array().add(value)) {
                if (item.isObject() && item.hasNonNull("id")) {
                    recorded.collection(collection).put((ObjectNode) item.deepCopy());
                }
            }
        });
        try {
            Path tmp = Files.createTempFile(recordTo.toAbsolutePath().getParent(), "flireo-seed", ".json");
            Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(recorded.export()));
            Files.move(tmp, recordTo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            drift(new Drift(
                    "record",
                    "seed",
                    recordTo.toString(),
                    "a writable file",
                    e.toString(),
                    "cannot save the seed file"));
        }
    }
}
