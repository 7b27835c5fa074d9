package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.EventType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query of {@code GET /__flireo/deliveries}: {@code call_id}, {@code event} (wire name), {@code outcome}
 * ({@code pass}, {@code warn}, {@code fail}) and {@code last} (the newest N). The dashboard asks for a window of
 * the log, since 10,000 deliveries with their bodies are megabytes.
 */
record DeliveryFilter(String callId, String event, String outcome, int last) {

    private static final Set<String> NAMES = Set.of("call_id", "event", "outcome", "last");
    private static final Set<String> OUTCOMES = Set.of("pass", "warn", "fail");

    static DeliveryFilter from(Map<String, List<String>> query) {
        query.keySet().stream()
                .filter(name -> !NAMES.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw ApiError.invalid(
                            400,
                            "Unknown query parameter " + name + "; the deliveries are filtered by "
                                    + "call_id, event, outcome and last",
                            name);
                });
        String outcome = single(query, "outcome");
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw ApiError.invalid(400, "outcome must be pass, warn or fail, got " + outcome, "outcome");
        }
        String event = single(query, "event");
        if (event != null) {
            try {
                event = EventType.fromWireName(event).wireName();
            } catch (IllegalArgumentException e) {
                throw ApiError.invalid(400, "event: " + e.getMessage(), "event");
            }
        }
        String last = single(query, "last");
        if (last != null && !last.matches("[1-9][0-9]{0,8}")) {
            throw ApiError.invalid(400, "last must be a whole number from 1, got " + last, "last");
        }
        return new DeliveryFilter(
                single(query, "call_id"), event, outcome, last == null ? Integer.MAX_VALUE : Integer.parseInt(last));
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ApiError.invalid(400, name + " may be given once", name);
        }
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    JsonNode apply(Deliveries log) {
        return log.toJson(this::accepts, last);
    }

    private boolean accepts(Deliveries.Entry entry) {
        return (callId == null || callId.equals(entry.callId()))
                && (event == null || event.equals(entry.delivery().event().wireName()))
                && (outcome == null
                        || entry.delivery().verdict() != null
                                && outcome.equals(
                                        entry.delivery().verdict().outcome().wireName()));
    }
}
