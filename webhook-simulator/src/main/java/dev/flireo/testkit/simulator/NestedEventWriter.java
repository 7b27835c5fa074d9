package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code {"message":{...}}} events of Flireo (camelCase) and VoiceDock (snake_case): one shape, two spellings. */
final class NestedEventWriter {

    /** ISO 8601 with milliseconds and {@code Z}, as every documented example writes it. */
    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Dialect dialect;
    private final boolean snake;

    NestedEventWriter(Dialect dialect) {
        this.dialect = dialect;
        this.snake = dialect == Dialect.VOICEDOCK;
    }

    ObjectNode write(EventType type, CallSnapshot call) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode message = root.putObject("message");
        message.put("type", type.wireName());
        message.put("timestamp", iso(call.timestamp()));
        writeCall(message.putObject("call"), type, call);
        writeNumbers(message, call);
        if (call.metadata() != null && type != EventType.ASSISTANT_REQUEST) {
            // Metadata from the assistant-request reply is echoed under message.assistant in later events.
            message.putObject("assistant").set("metadata", call.metadata().deepCopy());
        }
        switch (type) {
            case TOOL_CALLS -> writeToolCalls(message.putArray(name("toolCallList", "tool_call_list")), call);
            case STATUS_UPDATE -> writeStatus(message, call);
            case END_OF_CALL_REPORT -> writeReport(message, call);
            case ASSISTANT_REQUEST -> {}
        }
        return root;
    }

    static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    private void writeCall(ObjectNode node, EventType type, CallSnapshot call) {
        node.put("id", call.callId());
        node.put("type", call.callType().wireName(dialect));
        node.put("status", call.status().wireName(dialect));
        if (type == EventType.ASSISTANT_REQUEST) {
            node.put("pipeline", "standard");
        }
    }

    private void writeNumbers(ObjectNode message, CallSnapshot call) {
        ObjectNode phone = message.putObject(name("phoneNumber", "phone_number"));
        ObjectNode customer = message.putObject("customer");
        if (snake && call.callType() == CallType.WEB) {
            // VoiceDock sends the phone fields as null on web calls (SDK WebhookPhoneNumber / WebhookCustomer).
            phone.putNull("id");
            phone.putNull("number");
            phone.putNull("name");
            customer.putNull("number");
            return;
        }
        phone.put("number", call.phoneNumber());
        phone.put("name", call.phoneNumberName() == null ? "" : call.phoneNumberName());
        customer.put("number", call.customerNumber());
    }

    private static void writeToolCalls(ArrayNode list, CallSnapshot call) {
        for (ToolCall toolCall : call.toolCalls()) {
            ObjectNode item = list.addObject();
            item.put("id", toolCall.id());
            item.put("type", "function");
            ObjectNode function = item.putObject("function");
            function.put("name", toolCall.name());
            function.set("arguments", toolCall.arguments().deepCopy());
        }
    }

    private void writeStatus(ObjectNode message, CallSnapshot call) {
        if (call.status() == CallStatus.ENDED_WITH_ERROR) {
            message.put(
                    "error",
                    call.error() == null || call.error().isBlank() ? "Call ended with an error" : call.error());
        }
        if (ended(call) && call.endedReason() != null) {
            message.put(name("endedReason", "end_reason"), call.endedReason());
        }
    }

    private void writeReport(ObjectNode message, CallSnapshot call) {
        message.put(name("durationSeconds", "duration_seconds"), Math.round(call.durationSeconds()));
        message.put("summary", call.summary() == null ? "" : call.summary());
        if (call.analysis() != null) {
            message.set("analysis", call.analysis().deepCopy());
        }
        if (!call.messages().isEmpty()) {
            ArrayNode messages = message.putArray("messages");
            call.messages()
                    .forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        }
        if (call.endedReason() != null) {
            message.put(name("endedReason", "end_reason"), call.endedReason());
        }
        if (call.startedAt() != null) {
            message.put(name("startedAt", "started_at"), iso(call.startedAt()));
        }
        if (call.endedAt() != null) {
            message.put(name("endedAt", "ended_at"), iso(call.endedAt()));
        }
    }

    private static boolean ended(CallSnapshot call) {
        return call.status() == CallStatus.ENDED || call.status() == CallStatus.ENDED_WITH_ERROR;
    }

    private String name(String camel, String snakeName) {
        return snake ? snakeName : camel;
    }
}
