package dev.flireo.testkit.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.openapi.SpecDocument;
import org.junit.jupiter.api.Test;

class AliasNormalizerTest {

    private static JsonNode normalized(String schema, String json) throws Exception {
        JsonNode body = new ObjectMapper().readTree(json);
        AliasNormalizer.normalize(new SchemaRef(SpecDocument.FLIREO_API, "/components/schemas/" + schema), body);
        return body;
    }

    @Test
    void renamesAliasesAtEveryDepth() throws Exception {
        assertThat(normalized(
                                "OutboundCallRequest",
                                "{\"destination\":\"+31612345678\",\"agent_id\":\"x\","
                                        + "\"agent\":{\"firstMessage\":\"Hoi\",\"tts_config\":{\"voiceId\":\"alloy\"}}}")
                        .toString())
                .isEqualTo("{\"destination\":\"+31612345678\",\"assistant_id\":\"x\",\"assistant\":{\"tts_config\":"
                        + "{\"voice_id\":\"alloy\"},\"first_message\":\"Hoi\"}}");
    }

    @Test
    void theCanonicalNameWinsWhenBothAreSent() throws Exception {
        assertThat(normalized("PhoneNumberCreate", "{\"phone_number\":\"+31201234567\",\"number\":\"+31999\"}")
                        .toString())
                .isEqualTo("{\"phone_number\":\"+31201234567\",\"number\":\"+31999\"}");
    }

    @Test
    void followsArraysAndComposites() throws Exception {
        JsonNode body = normalized(
                "AssistantCreate",
                "{\"name\":\"x\",\"analysis_plan\":{\"structuredDataPlan\":"
                        + "{\"enabled\":true,\"templateId\":\"t\"},\"minMessagesThreshold\":2},\"llm_config\":{\"provider\":"
                        + "\"openai\",\"model\":\"m\",\"tools\":[{\"name\":\"t\",\"description\":\"d\",\"async_response\":\"ok\"}]}}");
        assertThat(body.at("/analysis_plan/structured_data_plan/template_id").asText())
                .isEqualTo("t");
        assertThat(body.at("/analysis_plan/min_messages_threshold").asInt()).isEqualTo(2);
        assertThat(body.at("/llm_config/tools/0/asyncResponse").asText()).isEqualTo("ok");
    }
}
