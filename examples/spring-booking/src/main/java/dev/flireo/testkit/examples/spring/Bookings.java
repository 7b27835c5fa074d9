package dev.flireo.testkit.examples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The booking line's tools and its record of finished calls. Deliveries may come twice or out of order, so both
 * are idempotent: a slot is booked once per caller, a call's report is kept once.
 */
@Component
class Bookings {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Set<String> bookedSlots = ConcurrentHashMap.newKeySet();
    private final Map<String, String> reports = new ConcurrentHashMap<>();

    /** A result for every tool call id, as the platform requires. */
    ObjectNode answerToolCalls(JsonNode message) {
        ObjectNode reply = JSON.objectNode();
        ArrayNode results = reply.putArray("results");
        for (JsonNode call : message.path("toolCallList")) {
            JsonNode function = call.path("function");
            results.addObject().put("toolCallId", call.path("id").asText()).set("result", run(function));
        }
        return reply;
    }

    ObjectNode recordReport(JsonNode message) {
        reports.putIfAbsent(
                message.path("call").path("id").asText(),
                message.path("summary").asText(""));
        return JSON.objectNode();
    }

    Map<String, String> reports() {
        return Map.copyOf(reports);
    }

    Set<String> bookedSlots() {
        return Set.copyOf(bookedSlots);
    }

    private ObjectNode run(JsonNode function) {
        JsonNode args = function.path("arguments");
        String slot = args.path("date").asText() + " " + args.path("time").asText();
        return switch (function.path("name").asText()) {
            case "lookup_customer" ->
                JSON.objectNode()
                        .put("found", false)
                        .put("phone", args.path("phone").asText());
            case "check_availability" -> JSON.objectNode().put("available", !bookedSlots.contains(slot));
            case "book_appointment" ->
                JSON.objectNode().put("booked", true).put("slot", slot).put("new", bookedSlots.add(slot));
            default ->
                JSON.objectNode()
                        .put("error", "unknown tool " + function.path("name").asText());
        };
    }
}
