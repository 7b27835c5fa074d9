package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** {@code /assistants} and its deprecated alias {@code /agents}: one handler set, registered under both names. */
final class AssistantHandlers {

    private static final Set<String> REALTIME = Set.of("xai_realtime", "google_realtime", "openai_live");

    private final MockContext ctx;

    AssistantHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    void register(Map<String, Handler> into) {
        for (String[] names : new String[][] {{"Assistants", "Assistant"}, {"Agents", "Agent"}}) {
            into.put("list" + names[0], r -> list());
            into.put("create" + names[1], this::create);
            into.put("get" + names[1], r -> ApiResponse.ok(wrap(require(ctx, r.path("id")))));
            into.put("update" + names[1], this::update);
            into.put("delete" + names[1], this::delete);
        }
    }

    static ObjectNode require(MockContext ctx, String id) {
        return ctx.collection(Resource.ASSISTANTS).get(id).orElseThrow(() -> ApiError.notFound("Assistant " + id));
    }

    private ApiResponse list() {
        ObjectNode out = Json.object();
        ctx.collection(Resource.ASSISTANTS)
                .list()
                .forEach(a -> out.withArray("assistants").add(MockContext.present(a)));
        out.withArray("assistants");
        return ApiResponse.ok(out);
    }

    private ApiResponse create(ApiRequest request) {
        ObjectNode assistant = ctx.newResource(request.object(), true);
        MockContext.defaults(assistant, defaults(request.object()));
        ctx.collection(Resource.ASSISTANTS).insert(assistant);
        return ApiResponse.created(wrap(assistant));
    }

    private ApiResponse update(ApiRequest request) {
        String id = request.path("id");
        ObjectNode updated = ctx.collection(Resource.ASSISTANTS)
                .update(id, a -> ctx.merge(a, request.object()))
                .orElseThrow(() -> ApiError.notFound("Assistant " + id));
        return ApiResponse.ok(wrap(updated));
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.path("id");
        ctx.collection(Resource.ASSISTANTS).remove(id).orElseThrow(() -> ApiError.notFound("Assistant " + id));
        // Calls to a number without an agent are not handled: the number stays, unassigned.
        ctx.collection(Resource.NUMBERS)
                .list(n -> id.equals(n.path("agent_id").asText(null)))
                .forEach(
                        n -> ctx.collection(Resource.NUMBERS).update(n.get("id").asText(), u -> u.putNull("agent_id")));
        return ApiResponse.ok(Json.object().put("success", true));
    }

    private static ObjectNode wrap(ObjectNode assistant) {
        return Json.object("assistant", MockContext.present(assistant));
    }

    /** The platform's defaults for everything but {@code name}; realtime models speak themselves (no TTS). */
    private static ObjectNode defaults(ObjectNode sent) {
        ObjectNode d = Json.object();
        d.putNull("business_name");
        d.putNull("notification_email");
        d.putNull("first_message");
        d.put("is_active", true);
        d.putNull("max_duration_seconds");
        d.put("autonomous_silence_handling", false);
        d.put("silence_timeout_seconds", 8);
        d.put("voicemail_detection", false);
        d.putNull("voicemail_message");
        d.put("gdpr_mode", false);
        d.putNull("webhook_url");
        d.putNull("webhook_secret");
        d.putNull("webhook_events");
        d.putNull("analysis_plan");
        ObjectNode stt = d.putObject("stt_config");
        stt.put("provider", "deepgram").put("model", "nova-3-general").put("language", "nl");
        ObjectNode llm = d.putObject("llm_config");
        llm.put("provider", "openai").put("model", "gpt-4o-mini").put("temperature", 0.7);
        llm.putArray("messages");
        llm.putArray("tools");
        if (REALTIME.contains(sent.path("llm_config").path("provider").asText())) {
            d.putNull("tts_config");
        } else {
            ObjectNode tts = d.putObject("tts_config");
            tts.put("provider", "elevenlabs")
                    .put("voice_id", "ukiwGs47sHyibruHJ1vg")
                    .put("model", "eleven_flash_v2_5");
        }
        return d;
    }
}
