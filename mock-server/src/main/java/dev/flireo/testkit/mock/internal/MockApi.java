package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flireo.testkit.contracts.ApiContracts;
import dev.flireo.testkit.contracts.Violation;
import dev.flireo.testkit.mock.internal.calls.Calls;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The request pipeline of both served APIs: route, authenticate, count and limit, inject faults, have the contracts
 * ({@link RouteTable#contracts()}, the same the proxy and {@code flireo validate} use) judge parameters and body
 * (aliases renamed first, the server's fields dropped), run the handler, render the answer with the rate-limit
 * headers. Bad input always ends as a documented 4xx, never as a 500.
 */
public final class MockApi {

    public static final String FLIREO_PREFIX = "/api/v1";
    public static final String LEGACY_PREFIX = "/v1";
    private static final System.Logger LOG = System.getLogger(MockApi.class.getName());

    private final RouteTable flireo = RouteTable.flireo();
    private final RouteTable legacy = RouteTable.legacy();
    private final Map<RouteTable, Router> routers =
            Map.of(flireo, new Router(flireo.routes()), legacy, new Router(legacy.routes()));
    private final Map<RouteTable, Map<String, Handler>> handlers = new HashMap<>();
    private final ServerOwnedFields serverOwned = new ServerOwnedFields();
    private final MockContext ctx;
    private final RateLimiter limiter;
    private final Faults faults = new Faults();
    private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    private final BooleanSupplier enforceLimits;
    private final Calls calls;

    public MockApi(MockContext ctx, Calls calls, List<String> apiKeys, BooleanSupplier enforceLimits) {
        this.ctx = ctx;
        this.limiter = new RateLimiter(100, ctx::now);
        this.apiKeys.addAll(apiKeys);
        this.enforceLimits = enforceLimits;
        Map<String, Handler> api = new HashMap<>();
        new AssistantHandlers(ctx).register(api);
        new NumberHandlers(ctx).register(api);
        new AccountHandlers(ctx).register(api);
        new TemplateHandlers(ctx, this::conforms).register(api);
        new ByokDomainHandlers(ctx).register(api);
        new CampaignHandlers(ctx).register(api);
        new McpWorkflowHandlers(ctx).register(api);
        new ChatHandlers(ctx).register(api);
        this.calls = calls;
        new CallHandlers(ctx, calls, enforceLimits).register(api);
        calls.afterTick(new CampaignRunner(ctx, calls)::tick);
        handlers.put(flireo, api);
        Map<String, Handler> old = new HashMap<>();
        new LegacyHandlers(ctx).register(old);
        handlers.put(legacy, old);
    }

    public RouteTable flireo() {
        return flireo;
    }

    public RouteTable legacy() {
        return legacy;
    }

    public Faults faults() {
        return faults;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    public Calls calls() {
        return calls;
    }

    /** Compiles every request and parameter schema, so no request pays for it (run in the background at start). */
    public void warmUp() {
        flireo.contracts().compileRequests();
        legacy.contracts().compileRequests();
    }

    /** Operation ids of a spec that have no handler (an acceptance test keeps this empty). */
    public List<String> unhandled(RouteTable spec) {
        return spec.routes().stream()
                .map(Route::operationId)
                .filter(id -> !handlers.get(spec).containsKey(id))
                .toList();
    }

    /** The operation a request belongs to, or null when no operation of the spec matches. */
    public Router.Match matchOrNull(RouteTable spec, String method, String path) {
        try {
            return routers.get(spec).match(method, path.substring(spec.prefix().length()));
        } catch (ApiError e) {
            return null;
        }
    }

    /** The spec serving a path, or null when the path is under neither prefix. */
    public RouteTable specFor(String path) {
        if (path.equals(FLIREO_PREFIX) || path.startsWith(FLIREO_PREFIX + "/")) {
            return flireo;
        }
        if (path.equals(LEGACY_PREFIX) || path.startsWith(LEGACY_PREFIX + "/")) {
            return legacy;
        }
        return null;
    }

    public HttpResult handle(String method, String url, Map<String, String> headers, byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String path = Urls.path(url);
        RouteTable spec = specFor(path);
        String key = bearer(headers);
        RateLimiter.Usage usage = count(key, out);
        Route route = null;
        try {
            Router.Match match =
                    routers.get(spec).match(method, path.substring(spec.prefix().length()));
            route = match.route();
            if (route.authenticated() && !accepted(key)) {
                throw ApiError.unauthorized();
            }
            if (enforceLimits.getAsBoolean() && usage.exceeded()) {
                throw ApiError.rateLimited(usage.retryAfterSeconds());
            }
            Faults.Spec fault = faults.take(route.operationId()).orElse(null);
            if (fault != null && (fault.fault() != null || fault.status() > 0)) {
                ApiError injected = ApiError.injected(fault.status() > 0 ? fault.status() : 500);
                HttpResult r = render(spec, injected, out);
                return new HttpResult(r.status(), r.headers(), r.body(), fault.delayMillis(), fault.fault());
            }
            ApiRequest request = parse(route, match.pathParams(), Urls.query(url), body, key);
            ApiResponse response = handlers.get(spec).get(route.operationId()).handle(request);
            out.putAll(response.headers());
            out.put("Content-Type", "application/json");
            return new HttpResult(
                    response.status(), out, Json.bytes(response.body()), fault == null ? 0 : fault.delayMillis(), null);
        } catch (ApiError e) {
            return render(spec, e, out);
        } catch (RuntimeException e) {
            // A defect of the mock, never of the input: the answer names the operation, the log keeps the cause.
            String what = route == null ? method + " " + path : route.operationId();
            LOG.log(System.Logger.Level.ERROR, "internal error while serving " + what, e);
            return render(spec, ApiError.internal(500, " while serving " + what), out);
        }
    }

    /**
     * A request the HTTP layer refused before routing (body over the limit, malformed query or framing): counted
     * like any other, and answered in the envelope of its API (the Flireo one for paths outside both).
     */
    public HttpResult refuse(String method, String url, Map<String, String> headers, ApiError error) {
        Map<String, String> out = new LinkedHashMap<>();
        count(bearer(headers), out);
        RouteTable spec = specFor(Urls.path(url));
        return render(spec, error, out);
    }

    private RateLimiter.Usage count(String key, Map<String, String> out) {
        RateLimiter.Usage usage = limiter.count(key == null ? "anonymous" : key);
        out.put("X-RateLimit-Limit", Integer.toString(usage.limit()));
        out.put("X-RateLimit-Remaining", Integer.toString(usage.remaining()));
        out.put("X-RateLimit-Reset", Long.toString(usage.resetEpochSeconds()));
        return usage;
    }

    private boolean accepted(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        return apiKeys.isEmpty()
                || apiKeys.contains(key)
                || ctx.collection(Resource.ORGANIZATIONS)
                        .any(o -> key.equals(o.path("api_key").asText()));
    }

    static String bearer(Map<String, String> headers) {
        String auth = headers.get("authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = auth.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    private ApiRequest parse(
            Route route, Map<String, String> pathParams, Map<String, List<String>> query, byte[] raw, String key) {
        for (Route.Param param : route.params()) {
            String value = param.in().equals("path")
                    ? pathParams.get(param.name())
                    : param.in().equals("query") && query.containsKey(param.name())
                            ? query.get(param.name()).get(0)
                            : null;
            if (value == null) {
                if (param.required()) {
                    throw ApiError.missingField(param.name());
                }
                continue;
            }
            checkParam(route, param, value);
        }
        JsonNode body = null;
        if (route.requestSchema() != null) {
            body = parseBody(route, raw);
            if (body != null) {
                ApiContracts contracts = route.spec().contracts();
                contracts.normalizeRequest(route.operationId(), body);
                serverOwned.strip(route, body);
                List<Violation> errors = contracts.requestErrors(route.operationId(), body);
                if (!errors.isEmpty()) {
                    throw toError(route, errors);
                }
            }
        }
        return new ApiRequest(route, pathParams, query, body, key);
    }

    private static JsonNode parseBody(Route route, byte[] raw) {
        if (raw == null || Json.isBlank(raw)) {
            if (route.bodyRequired()) {
                throw ApiError.badRequest("invalid_request", "A JSON request body is required", null);
            }
            return null;
        }
        // Strict: a body the mock could not write back as it came (too deep, not UTF-8, 1e400) is refused here.
        JsonNode body = RequestJson.parse(raw);
        // An optional body sent as JSON null (what generated clients send for "no body") is no body.
        return body.isNull() && !route.bodyRequired() ? null : body;
    }

    private void checkParam(Route route, Route.Param param, String value) {
        JsonNode schema = route.spec().at(param.schema());
        String type = schema.path("type").asText(resolveType(route.spec(), schema));
        JsonNode typed;
        try {
            typed = switch (type) {
                case "integer" -> Json.MAPPER.getNodeFactory().numberNode(integer(schema, value.strip()));
                case "number" -> Json.MAPPER.getNodeFactory().numberNode(Double.parseDouble(value.strip()));
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new NumberFormatException();
                    }
                    yield Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
                }
                default -> TextNode.valueOf(value);
            };
        } catch (NumberFormatException e) {
            String expected =
                    type.equals("integer") ? "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : type;
            throw ApiError.invalid(
                    400,
                    "Invalid value for " + param.name() + ": expected " + expected + ", got '" + value + "'",
                    param.name());
        }
        route.spec()
                .contracts()
                .parameterError(route.operationId(), param.name(), typed)
                .ifPresent(v -> {
                    throw ApiError.invalid(400, v.message(), param.name());
                });
    }

    /**
     * An integer parameter is 32-bit unless its schema says {@code format: int64} (as the spec's description
     * records): handlers page and count with ints, and 2^31 is no page anyone asks for.
     */
    private static long integer(JsonNode schema, String value) {
        long parsed = Long.parseLong(value);
        if (!"int64".equals(schema.path("format").asText())
                && (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE)) {
            throw new NumberFormatException("beyond 32 bits");
        }
        return parsed;
    }

    private static String resolveType(RouteTable spec, JsonNode schema) {
        if (schema.has("$ref") && schema.get("$ref").asText().startsWith("#")) {
            return spec.at(schema.get("$ref").asText()).path("type").asText("string");
        }
        return "string";
    }

    /**
     * The contracts' errors of a body (most relevant first, one sentence each naming its field) as one answer. The
     * first decides the status: a missing field or a broken body rule (a workflow's graph) 400; any other rule
     * (type, enum, pattern...) 422 where the operation documents it, else 400.
     */
    static ApiError toError(Route route, List<Violation> errors) {
        Violation first = errors.get(0);
        String field = first.field().isEmpty() ? null : first.field();
        boolean badRequest =
                "required".equals(first.rule()) && field != null || ApiContracts.BODY_RULE.equals(first.rule());
        int status = badRequest || !route.documents(422) ? 400 : 422;
        return ApiError.invalid(status, errors.stream().map(Violation::message).toList(), field);
    }

    /** Validates a stored-to-be resource against a component schema of flireo-api.yaml (422 naming the fields). */
    private void conforms(String schemaName, ObjectNode value) {
        List<Violation> errors = flireo.contracts().componentErrors(schemaName, value);
        if (!errors.isEmpty()) {
            String field = errors.get(0).field();
            throw ApiError.invalid(
                    422, errors.stream().map(Violation::message).toList(), field.isEmpty() ? null : field);
        }
    }

    /** The error in the envelope of its API (see {@link ErrorBodies}). */
    HttpResult render(RouteTable spec, ApiError e, Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.putAll(e.headers());
        out.put("Content-Type", "application/json");
        return new HttpResult(e.status(), out, Json.bytes(ErrorBodies.of(spec, e)), 0, null);
    }
}
