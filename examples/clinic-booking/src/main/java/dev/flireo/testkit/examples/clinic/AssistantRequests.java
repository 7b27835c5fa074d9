package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Answers {@code assistant-request}: outside opening hours the call is rejected with a spoken {@code error}; a
 * caller the clinic knows by name is greeted by name; anyone else gets the saved assistant ({@code {}}).
 */
final class AssistantRequests {

    private final Clinic clinic;
    private final Customers customers;
    private final CallLog calls;

    AssistantRequests(Clinic clinic, Customers customers, CallLog calls) {
        this.clinic = clinic;
        this.customers = customers;
        this.calls = calls;
    }

    ObjectNode answer(WebhookEvent event) throws SQLException {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        String answer;
        // The call's own time, not the time of handling: a retried or replayed event is judged as it happened.
        if (!clinic.hours().isOpenAt(Clinic.local(event.timestamp()))) {
            reply.put("error", clinic.closedMessage());
            answer = "rejected";
        } else {
            Optional<Customer> caller = event.customerNumber() == null
                    ? Optional.empty()
                    : customers.byPhone(event.customerNumber()).filter(c -> !c.isNew());
            caller.ifPresent(c ->
                    reply.putObject("assistant").put(event.name("firstMessage", "first_message"), clinic.greeting(c)));
            answer = caller.isPresent() ? "personalised" : "default";
        }
        String status = event.message().path("call").path("status").asText("ringing");
        calls.offered(
                new CallLog.StatusEvent(event.callId(), event.customerNumber(), status, event.timestamp(), null, null),
                answer);
        return reply;
    }
}
