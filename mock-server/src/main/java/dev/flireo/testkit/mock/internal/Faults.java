package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Faults injected per operation: a status, a delay, or a broken connection (WireMock's {@link Fault}s). */
public final class Faults {

    /**
     * @param status answer this status with the documented error body instead of running the operation (0 = no)
     * @param fault break the connection this way (null = no)
     * @param times how many requests it applies to; -1 = until removed
     */
    public record Spec(String operationId, int status, long delayMillis, Fault fault, int times) {

        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("operation_id", operationId);
            if (status > 0) {
                node.put("status", status);
            }
            if (delayMillis > 0) {
                node.put("delay_ms", delayMillis);
            }
            if (fault != null) {
                node.put("fault", fault.name());
            }
            node.put("times", times);
            return node;
        }

        /** Reads {@code {"operation_id", "status"?, "delay_ms"?, "fault"?, "times"?}}, naming any bad field. */
        public static Spec fromJson(JsonNode node) {
            String op = Json.textOrNull(node, "operation_id");
            if (op == null || op.isBlank()) {
                throw ApiError.missingField("operation_id");
            }
            int status = node.path("status").asInt(0);
            if (node.has("status") && (status < 100 || status > 599)) {
                throw ApiError.invalid(400, "status must be an HTTP status between 100 and 599", "status");
            }
            long delay = node.path("delay_ms").asLong(0);
            if (delay < 0) {
                throw ApiError.invalid(400, "delay_ms must not be negative", "delay_ms");
            }
            Fault fault = null;
            String faultName = Json.textOrNull(node, "fault");
            if (faultName != null) {
                try {
                    fault = Fault.valueOf(faultName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiError.invalid(
                            400, "fault must be one of " + java.util.Arrays.toString(Fault.values()), "fault");
                }
            }
            if (status == 0 && delay == 0 && fault == null) {
                throw ApiError.invalid(400, "a fault needs status, delay_ms or fault", "status");
            }
            return new Spec(op, status, delay, fault, node.path("times").asInt(-1));
        }
    }

    private final Map<String, Spec> byOperation = new ConcurrentHashMap<>();

    public void add(Spec spec) {
        byOperation.put(spec.operationId(), spec);
    }

    /** The fault for this request, counting it down; empty when there is none. */
    public Optional<Spec> take(String operationId) {
        Spec[] taken = new Spec[1];
        byOperation.computeIfPresent(operationId, (k, spec) -> {
            taken[0] = spec;
            if (spec.times() < 0) {
                return spec;
            }
            return spec.times() <= 1
                    ? null
                    : new Spec(spec.operationId(), spec.status(), spec.delayMillis(), spec.fault(), spec.times() - 1);
        });
        return Optional.ofNullable(taken[0]);
    }

    public boolean remove(String operationId) {
        return byOperation.remove(operationId) != null;
    }

    public void clear() {
        byOperation.clear();
    }

    public ArrayNode toJson() {
        ArrayNode out = Json.array();
        byOperation.values().forEach(s -> out.add(s.toJson()));
        return out;
    }
}
