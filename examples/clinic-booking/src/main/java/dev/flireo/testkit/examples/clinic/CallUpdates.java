package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the call log from {@code status-update} and {@code end-of-call-report}, whatever order they arrive in. */
final class CallUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(CallUpdates.class);

    private final CallLog calls;

    CallUpdates(CallLog calls) {
        this.calls = calls;
    }

    void statusUpdate(WebhookEvent event) throws SQLException {
        String status = event.message().path("call").path("status").asText(null);
        if (status == null) {
            throw new WebhookEvent.BadWebhook("`message.call.status` is missing");
        }
        calls.record(new CallLog.StatusEvent(
                event.callId(),
                event.customerNumber(),
                status,
                event.timestamp(),
                event.text("error"),
                event.endReason()));
    }

    void endOfCallReport(WebhookEvent event) throws SQLException {
        var message = event.message();
        JsonNode seconds = message.path(event.name("durationSeconds", "duration_seconds"));
        Integer duration = seconds.canConvertToInt() ? seconds.asInt() : null;
        String analysis =
                message.path("analysis").isObject() ? message.get("analysis").toString() : null;
        boolean stored = calls.store(new CallLog.Report(
                event.callId(), event.timestamp(), duration, event.text("summary"), analysis, event.endReason()));
        if (!stored) {
            LOG.info("end-of-call-report of call {} was delivered again; kept the first", event.callId());
        }
        // The report also tells that the call has ended, in case its final status-update is late or lost.
        calls.record(new CallLog.StatusEvent(
                event.callId(),
                event.customerNumber(),
                message.path("call").path("status").asText("ended"),
                event.timestamp(),
                null,
                event.endReason()));
    }
}
