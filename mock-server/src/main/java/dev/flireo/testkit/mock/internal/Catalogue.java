package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Fixed platform catalogues: the voices and the BYOK providers, with the ids the docs show. */
final class Catalogue {

    private Catalogue() {}

    static ArrayNode voices() {
        ArrayNode voices = Json.array();
        voices.add(voice(
                "ukiwGs47sHyibruHJ1vg", "Ruth", "nl", "Warm Dutch female voice", "Warme Nederlandse vrouwenstem"));
        voices.add(voice("alloy", "Alloy", "en", "Neutral OpenAI voice", "Neutrale OpenAI-stem"));
        for (String id : new String[] {"ara", "rex", "sal", "eve", "leo"}) {
            voices.add(voice(
                    id,
                    Character.toUpperCase(id.charAt(0)) + id.substring(1),
                    "en",
                    "xAI realtime voice",
                    "xAI realtime-stem"));
        }
        return voices;
    }

    private static ObjectNode voice(String id, String name, String language, String en, String nl) {
        ObjectNode v = Json.object().put("id", id).put("name", name).put("language", language);
        v.putObject("description").put("en", en).put("nl", nl);
        return v;
    }

    static ArrayNode byokProviders() {
        ArrayNode providers = Json.array();
        providers.add(provider("deepgram", "Deepgram", "stt", "https://developers.deepgram.com/", new String[][] {
            {"nova-3-general", "Nova 3 General"}
        }));
        providers.add(provider("openai", "OpenAI", "llm", "https://platform.openai.com/docs", new String[][] {
            {"gpt-4o-mini", "GPT-4o Mini"}, {"gpt-4o", "GPT-4o"}
        }));
        providers.add(provider("elevenlabs", "ElevenLabs", "tts", "https://elevenlabs.io/docs", new String[][] {
            {"eleven_flash_v2_5", "Eleven Flash v2.5"}
        }));
        providers.add(provider(
                "xai", "xAI", "realtime", "https://docs.x.ai/", new String[][] {{"grok-realtime", "Grok Realtime"}}));
        providers.add(provider(
                "resend", "Resend", "email", "https://resend.com/docs", new String[][] {{"default", "Default"}}));
        return providers;
    }

    private static ObjectNode provider(String id, String name, String category, String docs, String[][] models) {
        ObjectNode p = Json.object()
                .put("id", id)
                .put("name", name)
                .put("category", category)
                .put("docsUrl", docs);
        ArrayNode list = p.putArray("models");
        for (int i = 0; i < models.length; i++) {
            list.add(Json.object()
                    .put("id", models[i][0])
                    .put("name", models[i][1])
                    .put("default", i == 0));
        }
        return p;
    }
}
