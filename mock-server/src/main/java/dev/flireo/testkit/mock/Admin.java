package dev.flireo.testkit.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.ApiError;
import dev.flireo.testkit.mock.internal.ErrorBodies;
import dev.flireo.testkit.mock.internal.Faults;
import dev.flireo.testkit.mock.internal.HttpResult;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.SecretFields;
import dev.flireo.testkit.mock.internal.Urls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock's admin API under {@code /__flireo/}: health, reset, state export/import/seed, deliveries, inbound
 * calls, call outcomes, credit, faults, clock and rate-limit enforcement. It needs no API key: it is for the
 * developer running the mock, never part of the platform.
 */
final class Admin {

    static final String PREFIX = "/__flireo";

    private final FlireoMockServer server;

    Admin(FlireoMockServer server) {
        this.server = server;
    }

    HttpResult handle(String method, String url, byte[] raw) {
        String path = Urls.path(url).substring(PREFIX.length());
        try {
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
    static HttpResult error(ApiError e) {
        return result(e.status(), ErrorBodies.of(null, e), e.headers());
    }

    private JsonNode route(String method, String path, byte[] raw, Map<String, List<String>> query) {
        String op = method + " " + path;
        switch (op) {
            case "GET /health":
                return Json.object().put("status", "ok")
                        .put("webhook_dialect", server.webhookDialect().wireName());
            case "POST /reset":
                server.reset();
                return ok();
            case "GET /state":
                return includeSecrets(query) ? server.state().export() : SecretFields.redact(server.state().export());
            case "PUT /state":
                server.state().replace(SecretFields.restore(body(raw), server.state().export()));
                return ok();
            case "POST /seed":
                server.state().load(SecretFields.restore(body(raw), server.state().export()));
                return ok();
            case "GET /deliveries":
                return server.deliveryLog().toJson();
            case "DELETE /deliveries":
                server.deliveryLog().clear();
                return ok();
            case "POST /calls/inbound":
                return inbound(body(raw));
            case "POST /calls/outcome":
                return outcome(body(raw));
            case "GET /credit":
                return Json.object().put("minutes_balance",
                        server.state().export().path("account").path("minutes_balance").asDouble(500));
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

    /** Secrets leave the admin API only when asked for by name: {@code ?secrets=include}. */
    private static boolean includeSecrets(Map<String, List<String>> query) {
        List<String> values = query.getOrDefault("secrets", List.of());
        if (values.stream().anyMatch(v -> !v.equals("include"))) {
            throw ApiError.invalid(400, "secrets must be include (or left out to redact them)", "secrets");
        }
        return !values.isEmpty();
    }

    private static ObjectNode ok() {
        return Json.object().put("success", true);
    }

    private static JsonNode body(byte[] raw) {
        String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiError.badRequest("invalid_request", "A JSON request body is required", null);
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("invalid_json", "Request body is not valid JSON: " + Json.describe(e), null);
        }
    }

    private JsonNode inbound(JsonNode body) {
        String number = Json.textOrNull(body, "number_id") != null ? Json.textOrNull(body, "number_id")
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
        Integer talk = body.has("duration_seconds") ? body.get("duration_seconds").asInt() : null;
        return dev.flireo.testkit.mock.internal.MockContext.present(startInbound(number, customer, talk));
    }

    ObjectNode startInbound(String number, String customer, Integer talkSeconds) {
        return server.api().calls().startInbound(number, customer, talkSeconds);
    }

    private JsonNode outcome(JsonNode body) {
        String name = Json.textOrNull(body, "outcome");
        if (name == null) {
            throw ApiError.missingField("outcome");
        }
        Duration talk = body.has("duration_seconds") ? Duration.ofSeconds(body.get("duration_seconds").asLong()) : null;
        server.nextCallOutcome(name, talk);
        return ok();
    }

    private JsonNode credit(JsonNode body) {
        JsonNode minutes = body.get("minutes_balance");
        if (minutes == null || !minutes.isNumber()) {
            throw ApiError.invalid(400, "minutes_balance must be a number", "minutes_balance");
        }
        setMinutesBalance(minutes.asDouble());
        return Json.object().put("minutes_balance", minutes.asDouble());
    }

    void setMinutesBalance(double minutes) {
        dev.flireo.testkit.mock.internal.AccountSupport.setMinutesBalance(server.context(), minutes);
    }

    private JsonNode clock() {
        MockClock clock = server.clock();
        return Json.object().put("now", Json.timestamp(clock.now())).put("manual", clock.isManual())
                .put("time_scale", clock.timeScale());
    }

    private JsonNode advance(JsonNode body) {
        JsonNode seconds = body.get("seconds");
        if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0) {
            throw ApiError.invalid(400, "seconds must be a non-negative number", "seconds");
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
