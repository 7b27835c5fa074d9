package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.calls.Billing;
import java.time.Duration;
import java.time.Instant;

/** The demo data a new user sees at once: an assistant, a number and a few past calls with their usage. */
public final class Seeds {

    private Seeds() {}

    public static void demo(MockContext ctx) {
        Instant now = ctx.now();
        ObjectNode assistant = ctx.newResource(null, true);
        assistant
                .put("name", "Support Agent")
                .put("business_name", "Acme Corp")
                .put("first_message", "Hallo, waarmee kan ik u helpen?")
                .put("is_active", true)
                .put("max_duration_seconds", 300)
                .put("autonomous_silence_handling", true)
                .put("silence_timeout_seconds", 8)
                .put("voicemail_detection", false)
                .putNull("voicemail_message")
                .put("gdpr_mode", false)
                .putNull("notification_email")
                .putNull("webhook_url")
                .putNull("webhook_secret")
                .putNull("webhook_events")
                .putNull("analysis_plan");
        assistant
                .putObject("stt_config")
                .put("provider", "deepgram")
                .put("model", "nova-3-general")
                .put("language", "nl");
        ObjectNode llm = assistant
                .putObject("llm_config")
                .put("provider", "openai")
                .put("model", "gpt-4o-mini")
                .put("temperature", 0.7);
        llm.putArray("messages")
                .add(Json.object()
                        .put("role", "system")
                        .put("content", "Je bent een vriendelijke receptionist van Acme Corp."));
        llm.putArray("tools").add(Json.object().put("type", "endCall"));
        assistant
                .putObject("tts_config")
                .put("provider", "elevenlabs")
                .put("voice_id", "ukiwGs47sHyibruHJ1vg")
                .put("model", "eleven_flash_v2_5");
        ctx.collection(Resource.ASSISTANTS).insert(assistant);

        ObjectNode number = ctx.newResource(null, true);
        number.put("phone_number", "+31850835037")
                .put("name", "Flireo Demo")
                .put("agent_id", assistant.get("id").asText())
                .putNull("transfer_trunk_id")
                .putNull("workflow_id")
                .put("source", "api")
                .put("is_active", true);
        ctx.collection(Resource.NUMBERS).insert(number);

        pastCall(
                ctx,
                assistant,
                number,
                "+31612345678",
                now.minus(Duration.ofDays(2)),
                84,
                "Klant vroeg naar openingstijden en wilde een afspraak maken voor volgende week.");
        pastCall(
                ctx,
                assistant,
                number,
                "+31623731537",
                now.minus(Duration.ofDays(1)),
                142,
                "Klant meldde een storing; ticket aangemaakt en teruggebeld beloofd.");
        pastCall(
                ctx,
                assistant,
                number,
                "+31698765432",
                now.minus(Duration.ofHours(3)),
                37,
                "Klant wilde alleen het adres weten.");
    }

    private static void pastCall(
            MockContext ctx,
            ObjectNode assistant,
            ObjectNode number,
            String caller,
            Instant start,
            long seconds,
            String summary) {
        Instant end = start.plusSeconds(seconds);
        ObjectNode call = Json.object();
        call.put("id", "call-_" + caller + "_" + MockContext.randomToken(12));
        call.put("caller_phone", caller)
                .put("assistant_phone", number.get("phone_number").asText())
                .put("status", "ended")
                .put("direction", "inbound")
                .put("end_reason", "user_hangup")
                .putNull("error")
                .put("started_at", Json.timestamp(start))
                .put("ended_at", Json.timestamp(end))
                .put("duration_seconds", seconds)
                .put("summary", summary)
                .put("agent_name", assistant.get("name").asText())
                .put("business_name", assistant.get("business_name").asText())
                .put("room_name", "inbound-" + MockContext.randomToken(8).toLowerCase(java.util.Locale.ROOT))
                .putNull("recording_url")
                .putNull("analysis_result")
                .put("agent_id", assistant.get("id").asText())
                .put("number_id", number.get("id").asText())
                .put("phone_number", number.get("phone_number").asText())
                .put("created_at", Json.timestamp(start))
                .put("updated_at", Json.timestamp(end));
        call.putArray("messages")
                .add(Json.object()
                        .put("role", "assistant")
                        .put("content", assistant.get("first_message").asText()))
                .add(Json.object().put("role", "user").put("content", summary));
        ctx.collection(Resource.CALLS).insert(call);
        long minutes = Billing.billedMinutes(seconds);
        ObjectNode log = Json.object()
                .put("id", MockContext.uuid())
                .put("call_id", call.get("id").asText())
                .put("duration_sec", seconds)
                .put("minutes_used", minutes)
                .put("cost", Billing.cost(minutes))
                .put("call_type", "phone")
                .put("phone_number", number.get("phone_number").asText())
                .put("agent_name", assistant.get("name").asText())
                .put("business_name", "Acme Corp")
                .put("created_at", Json.timestamp(end));
        ctx.collection(Resource.USAGE).insert(log);
    }
}
