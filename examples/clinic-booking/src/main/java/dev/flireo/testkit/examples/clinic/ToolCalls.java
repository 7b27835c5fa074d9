package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Answers {@code tool-calls}: every entry of {@code toolCallList} ({@code tool_call_list}) gets a result under its own id, also when the
 * tool fails (then the result is {@code {"error": ...}}, which the assistant can tell the caller).
 */
final class ToolCalls {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clinic clinic;
    private final Customers customers;
    private final Appointments appointments;

    ToolCalls(Clinic clinic, Customers customers, Appointments appointments) {
        this.clinic = clinic;
        this.customers = customers;
        this.appointments = appointments;
    }

    ObjectNode answer(WebhookEvent event) throws SQLException {
        String listName = event.name("toolCallList", "tool_call_list");
        JsonNode list = event.message().path(listName);
        if (!list.isArray() || list.isEmpty()) {
            throw new WebhookEvent.BadWebhook("`message." + listName + "` must be a non-empty array");
        }
        ObjectNode reply = JSON.objectNode();
        ArrayNode results = reply.putArray("results");
        for (JsonNode call : list) {
            String id = call.path("id").asText("");
            if (id.isBlank()) {
                throw new WebhookEvent.BadWebhook("every entry of `message." + listName + "` needs an `id`");
            }
            results.addObject()
                    .put(event.name("toolCallId", "tool_call_id"), id)
                    .set("result", run(event, id, call.path("function")));
        }
        return reply;
    }

    private JsonNode run(WebhookEvent event, String toolCallId, JsonNode function) throws SQLException {
        JsonNode args = function.path("arguments");
        try {
            return switch (function.path("name").asText("")) {
                case "lookup_customer" -> lookup(phone(args.path("phone"), event));
                case "check_availability" -> availability(slot(args, event), event);
                case "book_appointment" -> book(event, toolCallId, args);
                default -> error("unknown tool '" + function.path("name").asText("") + "'");
            };
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    private JsonNode lookup(String phone) throws SQLException {
        Optional<Customer> known = customers.byPhone(phone).filter(c -> !c.isNew());
        ObjectNode result = JSON.objectNode().put("found", known.isPresent()).put("phone", phone);
        known.ifPresent(c -> result.put("name", c.firstName() + " " + c.lastName())
                .put("first_name", c.firstName())
                .put("email", c.email()));
        return result;
    }

    private JsonNode availability(LocalDateTime slot, WebhookEvent event) throws SQLException {
        ObjectNode result = describe(JSON.objectNode(), slot);
        String problem = problem(slot, event);
        result.put("available", problem == null);
        return problem == null ? result : result.put("reason", problem);
    }

    private JsonNode book(WebhookEvent event, String toolCallId, JsonNode args) throws SQLException {
        Optional<Appointment> earlier = appointments.bookedBy(toolCallId);
        if (earlier.isPresent()) {
            return booked(earlier.get()); // the platform delivered this tool call before
        }
        LocalDateTime slot = slot(args, event);
        String problem = problem(slot, event);
        if (problem != null) {
            return describe(JSON.objectNode().put("booked", false).put("reason", problem), slot);
        }
        Customer customer = customers.findOrRegister(phone(args.path("customer_phone"), event));
        String kind = args.path("type").asText("check-up");
        Appointments.Booking booking = appointments.book(customer, slot, kind, event.callId(), toolCallId);
        if (booking instanceof Appointments.Booking.Booked done) {
            return booked(done.appointment());
        }
        return describe(JSON.objectNode().put("booked", false).put("reason", "already booked"), slot);
    }

    private static JsonNode booked(Appointment visit) {
        return describe(JSON.objectNode().put("booked", true).put("appointment_id", visit.id()), visit.startsAt())
                .put("type", visit.kind());
    }

    /** Why a slot cannot be booked, or null when it can. */
    private String problem(LocalDateTime slot, WebhookEvent event) throws SQLException {
        if (!slot.isAfter(Clinic.local(event.timestamp()))) {
            return "in the past";
        }
        if (!clinic.hours().fits(slot, Clinic.VISIT_MINUTES)) {
            return "outside opening hours (" + clinic.hours() + ")";
        }
        return appointments.isFree(slot) ? null : "already booked";
    }

    private static LocalDateTime slot(JsonNode args, WebhookEvent event) {
        return VisitTime.parse(
                args.path("date").asText(null),
                args.path("time").asText(null),
                Clinic.local(event.timestamp()).toLocalDate());
    }

    /** The phone number in the arguments, else the caller's own number. */
    private static String phone(JsonNode argument, WebhookEvent event) {
        String phone = argument.isTextual() ? argument.asText() : event.customerNumber();
        if (phone == null || !phone.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException(
                    "a phone number in E.164 form (+31612345678) is needed, got '" + phone + "'");
        }
        return phone;
    }

    private static ObjectNode describe(ObjectNode result, LocalDateTime slot) {
        return result.put("date", slot.toLocalDate().toString())
                .put("time", slot.toLocalTime().toString());
    }

    private static ObjectNode error(String message) {
        return JSON.objectNode().put("error", message);
    }
}
