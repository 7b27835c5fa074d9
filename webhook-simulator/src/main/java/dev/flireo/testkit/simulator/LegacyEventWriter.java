package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.util.stream.Collectors;

/**
 * The legacy platform's flat events. Each event uses the field names its own documentation page shows, because the
 * pages disagree: status-update has {@code eventTimestamp}, {@code eventTimestampISO} and {@code callSession};
 * tool-calls has {@code eventTime} and {@code callId}; end-of-call-report has {@code eventTimestamp} and
 * {@code callId}; assistant-request shows only the two numbers. Times are Unix milliseconds.
 * {@code fromCaller} is always the customer and {@code toAssistant} the agent's number.
 */
final class LegacyEventWriter {

    private LegacyEventWriter() {}

    static ObjectNode write(EventType type, CallSnapshot call) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case ASSISTANT_REQUEST -> {
                event.put("eventType", type.wireName());
                numbers(event, call);
            }
            case STATUS_UPDATE -> {
                event.put("eventTimestamp", call.timestamp().toEpochMilli());
                event.put("eventTimestampISO", NestedEventWriter.iso(call.timestamp()));
                event.put("eventType", type.wireName());
                event.put("callSession", call.callId());
                numbers(event, call);
                event.put("status", call.status().wireName(Dialect.LEGACY));
                metadata(event, call);
                if (call.status() == CallStatus.ENDED_WITH_ERROR) {
                    event.put(
                            "debugging-artifact",
                            call.error() == null || call.error().isBlank() ? "Call ended with an error" : call.error());
                }
            }
            case TOOL_CALLS -> {
                event.put("eventTime", call.timestamp().toEpochMilli());
                event.put("callId", call.callId());
                event.put("eventType", type.wireName());
                numbers(event, call);
                tasks(event.putArray("tasksInitiated"), call);
                metadata(event, call);
            }
            case END_OF_CALL_REPORT -> {
                event.put("eventTimestamp", call.timestamp().toEpochMilli());
                event.put("eventType", type.wireName());
                event.put("callId", call.callId());
                numbers(event, call);
                event.put("transcriptText", transcript(call));
                event.put("summaryText", call.summary() == null ? "" : call.summary());
                event.put("callLengthSeconds", Math.round(call.durationSeconds() * 10) / 10.0);
                if (call.analysis() != null) {
                    event.set("analysis", call.analysis().deepCopy());
                }
            }
        }
        return event;
    }

    private static void numbers(ObjectNode event, CallSnapshot call) {
        event.put("fromCaller", call.customerNumber());
        event.put("toAssistant", call.phoneNumber());
    }

    private static void metadata(ObjectNode event, CallSnapshot call) {
        if (call.metadata() == null) {
            event.putNull("userMetadata");
        } else {
            event.set("userMetadata", call.metadata().deepCopy());
        }
    }

    private static void tasks(ArrayNode tasks, CallSnapshot call) {
        for (ToolCall toolCall : call.toolCalls()) {
            ObjectNode task = tasks.addObject();
            task.put("taskId", toolCall.id());
            task.put("taskName", toolCall.name());
            if (!toolCall.arguments().isEmpty()) {
                task.set("taskPayload", toolCall.arguments().deepCopy());
            }
        }
    }

    /** One line per turn, {@code AI:} for the agent and {@code Gebruiker:} for the caller, as documented. */
    private static String transcript(CallSnapshot call) {
        return call.messages().stream()
                .filter(m -> !m.role().equals("system"))
                .map(m -> (m.role().equals("assistant") ? "AI: " : "Gebruiker: ") + m.content())
                .collect(Collectors.joining("\n"));
    }
}
