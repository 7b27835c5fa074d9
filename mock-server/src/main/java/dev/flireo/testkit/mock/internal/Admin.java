package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.MockClock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mock's admin API under {@code /__flireo/}: health, reset, state export/import/seed, deliveries, inbound
 * calls, call outcomes, credit, faults, clock and rate-limit enforcement. It needs no API key: it is for the
 * developer running the mock, never part of the platform.
 */
final class Admin {

    static final String PREFIX = "/__flireo";

    private final MockRuntime server;

    Admin(MockRuntime server) {
        this.server = server;
    }

    HttpResult handle(String method, String url, byte[] raw) {
        String path = Urls.path(url).substring(PREFIX.length());
        try {
            if (path.equals(Dashboard.PATH) || path.startsWith(Dashboard.PATH + "/")) {
                return Dashboard.serve(method, path);
            }
            if (method.equals("POST") && path.equals("/calls/outbound")) {
                return outbound(raw);
            }
            JsonNode out = route(method, path, raw, Urls.query(url));
            return result(200, out, Map.of());
        } catch (ApiError e) {
            return error(e);
        } catch (RuntimeException e) {
            // A defect of the mock: the answer names the request, never the exception's class.
            return error(ApiError.internal(500, " admin API while serving " + method + " " + path));
        }
    }

    /** An error in the envelope of the Flireo API: {@code {"error", "message", "details"?, "param"?}}. */
    /**
     * The {@code Origin} of a request sent by a page of another site, or null. The admin API has no key, so without
     * this any page open in the developer's browser could reset the mock or replace its state with a form post.
     * Browsers send {@code Origin} on cross-site requests and on the dashboard's own posts (then it names this
     * host); curl, test code and the CLI send none, so they are not affected.
     */
    static String foreignOrigin(Map<String, String> headers) {
        String origin = headers.get("origin");
        if (origin == null) {
            return null;
        }
        String host = headers.get("host");
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return origin; // "null" (a sandboxed page) or garbage: not this host either
        }
        String authority = uri.getRawAuthority();
        return authority != null && host != null && authority.equalsIgnoreCase(host) ? null : origin;
    }

    static ApiError crossOrigin(String origin) {
        return new ApiError(
                403,
                "cross_origin",
                "The admin API answers no page of another site (Origin: " + origin
                        + "); open the dashboard from this server, or call it without a browser",
                null);
    }

    static HttpResult error(ApiError e) {
        return result(e.status(), ErrorBodies.of(null, e), e.headers());
    }

    private JsonNode route(String method, String path, byte[] raw, Map<String, List<String>> query) {
        String op = method + " " + path;
        switch (op) {
            case "GET /health":
                return health();
            case "GET /changes":
                return changes();
            case "POST /reset":
                server.reset();
                return ok();
            case "GET /state":
                return includeSecrets(query)
                        ? server.store().export()
                        : SecretFields.redact(server.store().export());
            case "PUT /state":
                server.replaceState(
                        SecretFields.restore(body(raw), server.store().export()));
                return ok();
            case "POST /seed":
                server.loadState(SecretFields.restore(body(raw), server.store().export()));
                return ok();
            case "GET /deliveries":
                return DeliveryFilter.from(query).apply(server.deliveries());
            case "DELETE /deliveries":
                server.deliveries().clear();
                return ok();
            case "POST /calls/inbound":
                return inbound(body(raw));
            case "POST /calls/outcome":
                return outcome(body(raw));
            case "GET /credit":
                return Json.object()
                        .put(
                                "minutes_balance",
                                server.store()
                                        .export()
                                        .path("account")
                                        .path("minutes_balance")
                                        .asDouble(500));
            case "PUT /credit":
                return credit(body(raw));
            case "GET /faults":
                return server.api().faults().toJson();
            case "POST /faults":
                Faults.Spec spec = Faults.Spec.fromJson(body(raw));
                server.api().faults().add(spec);
                return spec.toJson();
            case "DELETE /faults":
                server.api().faults().clear();
                return ok();
            case "GET /clock":
                return clock();
            case "POST /clock/advance":
                return advance(body(raw));
            case "GET /drift":
                return server.proxy() == null ? Json.array() : server.proxy().driftsJson();
            case "PUT /rate-limits":
                JsonNode enforce = body(raw).get("enforce");
                if (enforce == null || !enforce.isBoolean()) {
                    throw ApiError.invalid(400, "enforce must be true or false", "enforce");
                }
                server.enforceRateLimits(enforce.asBoolean());
                return Json.object().put("enforce", enforce.asBoolean());
            default:
                if (method.equals("GET") && path.startsWith("/state/")) {
                    return stateItem(path.substring("/state/".length()), query);
                }
                if (method.equals("DELETE") && path.startsWith("/faults/")) {
                    String operation = path.substring("/faults/".length());
                    if (!server.api().faults().remove(operation)) {
                        throw ApiError.notFound("No fault for operation " + operation);
                    }
                    return ok();
                }
                throw ApiError.notFound("no_route", "No admin operation at " + op + "; see the mock-server README");
        }
    }

    /** 200 only once the start is complete (a client may wait for it); 503 while the mock is still starting. */
    private JsonNode health() {
        if (!server.ready()) {
            throw new ApiError(503, "starting", "The Flireo mock is starting", null);
        }
        ObjectNode health = Json.object()
                .put("status", "ok")
                .put("webhook_dialect", server.webhookDialect().wireName())
                .put("dashboard", PREFIX + Dashboard.PATH + "/");
        return health.setAll(server.healthDetails());
    }

    /** Secrets leave the admin API only when asked for by name: {@code ?secrets=include}. */
    private static boolean includeSecrets(Map<String, List<String>> query) {
        List<String> values = query.getOrDefault("secrets", List.of());
        if (values.stream().anyMatch(v -> !v.equals("include"))) {
            throw ApiError.invalid(400, "secrets must be include (or left out to redact them)", "secrets");
        }
        return !values.isEmpty();
    }

    /**
     * What a watcher (the dashboard) polls to learn whether to fetch again: the state's change count, the numbers of
     * calls and deliveries, and the mock's time. Cheap: no export, no lock, so an open dashboard does not slow the API.
     */
    private JsonNode changes() {
        return Json.object()
                .put("state_version", server.store().version())
                .put("calls", server.store().collection(Resource.CALLS).size())
                .put("deliveries", server.deliveries().size())
                .put("now", Json.timestamp(server.clock().now()));
    }

    /**
     * One collection (an array; {@code ?last=N} its newest N items) or singleton of {@code GET /state}, redacted
     * the same way, without exporting it all.
     */
    private JsonNode stateItem(String name, Map<String, List<String>> query) {
        String last = query.containsKey("last") ? String.join(",", query.get("last")) : null;
        if (last != null && !last.matches("[1-9][0-9]{0,8}")) {
            throw ApiError.invalid(400, "last must be a whole number from 1, got " + last, "last");
        }
        JsonNode item = item(name, last == null ? Integer.MAX_VALUE : Integer.parseInt(last));
        if (item == null) {
            throw ApiError.notFound(
                    "no_collection",
                    "No collection or singleton named " + name + " in the state; GET /__flireo/state lists them all");
        }
        JsonNode document = Json.object().set(name, item);
        return (includeSecrets(query) ? document : SecretFields.redact(document)).get(name);
    }

    /** One collection's newest {@code last} items, or a singleton (JSON null while unset); null for no such name. */
    private JsonNode item(String name, int last) {
        StateStore store = server.store();
        Optional<Resource> collection = Resource.named(name);
        if (collection.isPresent()) {
            List<ObjectNode> items = store.collection(collection.get()).list();
            ArrayNode array = Json.array();
            items.subList(Math.max(0, items.size() - last), items.size()).forEach(array::add);
            return array;
        }
        Optional<Singleton> singleton = Singleton.named(name);
        if (singleton.isPresent()) {
            JsonNode value = store.singleton(singleton.get());
            return value == null ? NullNode.instance : value;
        }
        return null;
    }

    private static ObjectNode ok() {
        return Json.object().put("success", true);
    }

    private static JsonNode body(byte[] raw) {
        if (raw == null || Json.isBlank(raw)) {
            throw ApiError.badRequest("invalid_request", "A JSON request body is required", null);
        }
        return RequestJson.parseState(raw);
    }

    private JsonNode inbound(JsonNode body) {
        String number = Json.textOrNull(body, "number_id") != null
                ? Json.textOrNull(body, "number_id")
                : Json.textOrNull(body, "phone_number");
        if (number == null) {
            throw ApiError.missingField("phone_number");
        }
        String customer = Json.textOrNull(body, "customer_number");
        if (customer == null) {
            throw ApiError.missingField("customer_number");
        }
        if (!customer.matches("^\\+[1-9][0-9]{6,14}$")) {
            throw ApiError.invalid(400, "customer_number must be an E.164 number, got " + customer, "customer_number");
        }
        Integer talk =
                body.has("duration_seconds") ? body.get("duration_seconds").asInt() : null;
        return MockContext.present(server.startInbound(number, customer, talk));
    }

    /**
     * An outbound call placed by the REST API's own {@code POST /calls/outbound} with the mock's key, answered as
     * that operation answers: the dashboard needs no API key, and the call is validated and started in one place.
     */
    private HttpResult outbound(byte[] raw) {
        return server.api()
                .handle(
                        "POST",
                        MockApi.FLIREO_PREFIX + "/calls/outbound",
                        Map.of("authorization", "Bearer " + server.apiKey(), "content-type", "application/json"),
                        raw);
    }

    private JsonNode outcome(JsonNode body) {
        String name = Json.textOrNull(body, "outcome");
        if (name == null) {
            throw ApiError.missingField("outcome");
        }
        Duration talk = body.has("duration_seconds")
                ? Duration.ofSeconds(body.get("duration_seconds").asLong())
                : null;
        server.nextCallOutcome(name, talk);
        return ok();
    }

    private JsonNode credit(JsonNode body) {
        JsonNode minutes = body.get("minutes_balance");
        if (minutes == null || !minutes.isNumber()) {
            throw ApiError.invalid(400, "minutes_balance must be a number", "minutes_balance");
        }
        server.setMinutesBalance(minutes.asDouble());
        return Json.object().put("minutes_balance", minutes.asDouble());
    }

    private JsonNode clock() {
        MockClock clock = server.clock();
        return Json.object()
                .put("now", Json.timestamp(clock.now()))
                .put("manual", clock.isManual())
                .put("time_scale", clock.timeScale());
    }

    /** A century: far beyond any call or campaign, and far inside what the clock's {@code Instant} can hold. */
    private static final long MAX_ADVANCE_SECONDS = 100L * 365 * 24 * 3600;

    private JsonNode advance(JsonNode body) {
        JsonNode seconds = body.get("seconds");
        if (seconds == null
                || !seconds.isNumber()
                || seconds.asDouble() < 0
                || seconds.asDouble() > MAX_ADVANCE_SECONDS) {
            throw ApiError.invalid(
                    400, "seconds must be a number from 0 to " + MAX_ADVANCE_SECONDS + " (100 years)", "seconds");
        }
        server.clock().advance(Duration.ofMillis((long) (seconds.asDouble() * 1000)));
        return clock();
    }

    private static HttpResult result(int status, JsonNode body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", "application/json");
        return new HttpResult(status, headers, Json.bytes(body), 0, null);
    }
}
