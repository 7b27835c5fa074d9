package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.AgentsApi;
import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.model.Assistant;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.AssistantUpdate;
import dev.flireo.testkit.openapi.client.model.LlmConfig;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AssistantsAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options().manualClock()))
            .build();

    private final AssistantsApi assistants = new AssistantsApi(Clients.client(flireo));
    private final AgentsApi agents = new AgentsApi(Clients.client(flireo));

    @Test
    void createAppliesThePlatformDefaultsAndServerFields() throws Exception {
        Assistant created = assistants
                .createAssistant(new AssistantCreate().name("Support Agent"))
                .getAssistant();

        assertThat(created.getId()).isNotNull();
        assertThat(created.getName()).isEqualTo("Support Agent");
        assertThat(created.getIsActive()).isTrue();
        assertThat(created.getSttConfig().getProvider().getValue()).isEqualTo("deepgram");
        assertThat(created.getLlmConfig().getModel()).isEqualTo("gpt-4o-mini");
        assertThat(created.getTtsConfig().getVoiceId()).isEqualTo("ukiwGs47sHyibruHJ1vg");
        assertThat(created.getCreatedAt().toString())
                .isEqualTo(created.getUpdatedAt().toString());
        assertThat(flireo.state()
                        .get("assistants", created.getId().toString())
                        .orElseThrow()
                        .get("created_at")
                        .asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void createGetUpdateListDeletePersist() throws Exception {
        UUID id = assistants
                .createAssistant(new AssistantCreate().name("A").firstMessage("Hallo"))
                .getAssistant()
                .getId();

        assertThat(assistants.getAssistant(id).getAssistant().getFirstMessage()).isEqualTo("Hallo");
        flireo.clock().advance(java.time.Duration.ofSeconds(5));
        Assistant updated = assistants
                .updateAssistant(id, new AssistantUpdate().firstMessage("Goedemiddag"))
                .getAssistant();
        assertThat(updated.getFirstMessage()).isEqualTo("Goedemiddag");
        assertThat(updated.getName()).isEqualTo("A");
        assertThat(updated.getUpdatedAt()).isAfter(updated.getCreatedAt());
        assertThat(assistants.listAssistants().getAssistants())
                .extracting(Assistant::getId)
                .containsExactly(id);

        assertThat(assistants.deleteAssistant(id).getSuccess().getValue()).isTrue();
        assertThat(Clients.error(404, () -> assistants.getAssistant(id))
                        .get("error")
                        .asText())
                .isEqualTo("not_found");
        assertThat(assistants.listAssistants().getAssistants()).isEmpty();
    }

    @Test
    void agentsIsTheAliasOfAssistants() throws Exception {
        UUID id = agents.createAgent(new AssistantCreate().name("Via agents"))
                .getAssistant()
                .getId();

        assertThat(assistants.getAssistant(id).getAssistant().getName()).isEqualTo("Via agents");
        agents.updateAgent(id, new AssistantUpdate().name("Renamed"));
        assertThat(assistants.listAssistants().getAssistants())
                .extracting(Assistant::getName)
                .containsExactly("Renamed");
        assertThat(agents.listAgents().getAssistants())
                .extracting(Assistant::getId)
                .containsExactly(id);
        assertThat(agents.getAgent(id).getAssistant().getName()).isEqualTo("Renamed");
        agents.deleteAgent(id);
        Clients.error(404, () -> assistants.getAssistant(id));
    }

    @Test
    void aRealtimeAssistantHasNoTtsConfig() throws Exception {
        Assistant created = assistants
                .createAssistant(new AssistantCreate()
                        .name("Realtime")
                        .llmConfig(new LlmConfig()
                                .provider(LlmConfig.ProviderEnum.XAI_REALTIME)
                                .model("grok")
                                .voice("ara")))
                .getAssistant();
        assertThat(created.getTtsConfig()).isNull();
        assertThat(created.getLlmConfig().getVoice()).isEqualTo("ara");
    }

    @Test
    void theFlireoPageSpellingVoiceIdIsReadBackAsVoiceId() throws Exception {
        Http.Reply reply = Http.send(
                "POST",
                flireo.baseUrl() + "/assistants",
                flireo.apiKey(),
                "{\"name\":\"Alias\",\"tts_config\":{\"provider\":\"elevenlabs\",\"voiceId\":\"alloy\"}}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().at("/assistant/tts_config").toString())
                .isEqualTo("{\"provider\":\"elevenlabs\",\"voice_id\":\"alloy\"}");
        var stored = assistants.listAssistants().getAssistants().get(0).getTtsConfig();
        assertThat(List.of(stored.getVoiceId())).containsExactly("alloy");
    }
}
