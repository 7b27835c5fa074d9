package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import java.util.Locale;
import java.util.Set;

/**
 * A call as stored: the fields of the API's {@code CallDetail}, plus the mock's own (keys starting with {@code _},
 * never shown by the API, kept by exports and the state file) that the webhooks and the summary need. This class
 * names those keys; {@link LiveCall} names the ones of the schedule.
 */
final class StoredCall {

    static final Set<String> LIVE = Set.of("connecting", "dialing", "ringing", "in-progress");
    private static final String ASSISTANT = "_assistant";
    private static final String FIRST_MESSAGE = "_first_message";
    private static final String METADATA = "_metadata";
    private static final String COMMANDS = "_commands";
    private static final String WEBHOOK_ID = "_webhook_id";
    private static final String NUMBER_NAME = "_number_name";
    private static final String ANALYSIS_SCHEMA = "_analysis_schema";
    private static final String ASSISTANT_REQUEST = "_assistant_request";

    private StoredCall() {}

    /**
     * A new call with every field of a {@code CallDetail}; the assistant and number may be null (an inbound call to a
     * number without an assistant).
     */
    static ObjectNode create(
            MockContext ctx, String id, String direction, String status, ObjectNode assistant, ObjectNode number) {
        ObjectNode call = ctx.newResource(null, true);
        call.put("id", id);
        call.put("status", status);
        call.put("direction", direction);
        call.putNull("caller_phone");
        call.put(
                "assistant_phone",
                number == null ? null : number.path("phone_number").asText(null));
        call.putNull("end_reason");
        call.putNull("error");
        call.putNull("started_at");
        call.putNull("ended_at");
        call.putNull("duration_seconds");
        call.putNull("summary");
        call.put("agent_name", assistant == null ? null : assistant.path("name").asText(null));
        call.put(
                "business_name",
                assistant == null ? null : assistant.path("business_name").asText(null));
        call.putNull("room_name");
        call.putNull("recording_url");
        call.putNull("analysis_result");
        call.putArray("messages");
        call.put("agent_id", assistant == null ? null : assistant.path("id").asText(null));
        call.put("number_id", number == null ? null : number.path("id").asText(null));
        call.put(
                "phone_number",
                number == null ? null : number.path("phone_number").asText(null));
        call.put(
                NUMBER_NAME,
                number == null
                        ? null
                        : number.path("name").asText(number.path("phone_number").asText()));
        call.put(WEBHOOK_ID, MockContext.uuid()); // webhook payloads carry a UUID call id, unlike the REST id
        JsonNode plan =
                assistant == null ? null : assistant.path("analysis_plan").path("structured_data_plan");
        if (plan != null && plan.path("enabled").asBoolean(false) && plan.has("schema")) {
            call.set(ANALYSIS_SCHEMA, plan.get("schema").deepCopy());
        }
        return call;
    }

    static String roomName(String direction) {
        return direction + "-" + MockContext.randomToken(8).toLowerCase(Locale.ROOT);
    }

    static boolean isLive(ObjectNode call) {
        return LIVE.contains(call.path("status").asText());
    }

    static String id(ObjectNode call) {
        return call.get("id").asText();
    }

    /** The assistant the call runs with (resolved at its start), else the saved one it names. */
    static ObjectNode assistant(MockContext ctx, ObjectNode call) {
        if (call.has(ASSISTANT)) {
            return (ObjectNode) call.get(ASSISTANT);
        }
        return ctx.collection(dev.flireo.testkit.mock.internal.Resource.ASSISTANTS)
                .get(call.path("agent_id").asText(null))
                .orElse(null);
    }

    static void setAssistant(ObjectNode call, ObjectNode assistant) {
        call.set(ASSISTANT, assistant);
    }

    static String firstMessage(ObjectNode call) {
        return call.path(FIRST_MESSAGE).asText("");
    }

    static void setFirstMessage(ObjectNode call, String greeting) {
        call.put(FIRST_MESSAGE, greeting);
    }

    /** The metadata echoed in the call's webhooks; null when none was given. */
    static ObjectNode metadata(ObjectNode call) {
        return call.get(METADATA) instanceof ObjectNode o ? o : null;
    }

    static void setMetadata(ObjectNode call, JsonNode metadata) {
        call.set(METADATA, metadata);
    }

    /** Logs a control command (or the {@code context} of an outbound request) with the call. */
    static void logCommand(ObjectNode call, ObjectNode command) {
        call.withArray(COMMANDS).add(command);
    }

    static int commandCount(ObjectNode call) {
        return call.path(COMMANDS).size();
    }

    static String webhookId(ObjectNode call) {
        return call.get(WEBHOOK_ID).asText();
    }

    static String numberName(ObjectNode call) {
        return call.path(NUMBER_NAME).asText(null);
    }

    static JsonNode analysisSchema(ObjectNode call) {
        return call.path(ANALYSIS_SCHEMA);
    }

    /** What became of an inbound call's assistant-request: {@code applied} or why the saved assistant was used. */
    static void noteAssistantRequest(ObjectNode call, String what) {
        call.put(ASSISTANT_REQUEST, what);
    }

    static void say(ObjectNode call, String role, String content) {
        call.withArray("messages").add(Json.object().put("role", role).put("content", content));
    }
}
