package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.AnalysisTemplatesApi;
import dev.flireo.testkit.openapi.client.api.ToolTemplatesApi;
import dev.flireo.testkit.openapi.client.model.AnalysisTemplate;
import dev.flireo.testkit.openapi.client.model.AnalysisTemplateCreate;
import dev.flireo.testkit.openapi.client.model.AnalysisTemplateUpdate;
import dev.flireo.testkit.openapi.client.model.ToolTemplate;
import dev.flireo.testkit.openapi.client.model.ToolTemplateCreate;
import dev.flireo.testkit.openapi.client.model.ToolTemplateType;
import dev.flireo.testkit.openapi.client.model.ToolTemplateTypeInput;
import dev.flireo.testkit.openapi.client.model.ToolTemplateUpdate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemplatesAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().build();

    private final ToolTemplatesApi tools = new ToolTemplatesApi(Clients.client(flireo));
    private final AnalysisTemplatesApi analysis = new AnalysisTemplatesApi(Clients.client(flireo));

    /** The documented example of the tool-templates page. */
    private static ToolTemplateCreate customerLookup() {
        return new ToolTemplateCreate()
                .name("Customer Lookup")
                .description("Look up customer information by phone number")
                .toolType(ToolTemplateTypeInput.FUNCTION)
                .toolConfig(Map.of(
                        "name",
                        "lookup_customer",
                        "description",
                        "Retrieves customer details from CRM",
                        "url",
                        "https://api.example.com/customers",
                        "parameters",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of("phone", Map.of("type", "string")),
                                "required",
                                java.util.List.of("phone"))));
    }

    @Test
    void toolTemplateCrud() throws Exception {
        ToolTemplate created = tools.createToolTemplate(customerLookup()).getToolTemplate();
        assertThat(created.getToolType()).isEqualTo(ToolTemplateType.FUNCTION);
        assertThat(tools.getToolTemplate(created.getId()).getToolTemplate().getName())
                .isEqualTo("Customer Lookup");
        assertThat(tools.updateToolTemplate(created.getId(), new ToolTemplateUpdate().name("Lookup"))
                        .getToolTemplate()
                        .getName())
                .isEqualTo("Lookup");
        assertThat(tools.listToolTemplates().getToolTemplates())
                .extracting(ToolTemplate::getName)
                .containsExactly("Lookup");
        tools.deleteToolTemplate(created.getId());
        Clients.error(404, () -> tools.getToolTemplate(created.getId()));
    }

    @Test
    void theToolConfigMustMatchTheToolType() throws Exception {
        var error = Clients.error(
                400,
                () -> tools.createToolTemplate(new ToolTemplateCreate()
                        .name("Transfer")
                        .toolType(ToolTemplateTypeInput.TRANSFER_CALL)
                        .toolConfig(Map.of())));
        assertThat(error.get("param").asText()).isEqualTo("tool_config.destinations");
        ToolTemplate created = tools.createToolTemplate(customerLookup()).getToolTemplate();
        var changed = Clients.error(
                422,
                () -> tools.updateToolTemplate(
                        created.getId(), new ToolTemplateUpdate().toolType(ToolTemplateTypeInput.TRANSFER_CALL)));
        assertThat(changed.get("param").asText()).isEqualTo("tool_config");
        var invalid = Clients.error(
                422,
                () -> tools.updateToolTemplate(
                        created.getId(), new ToolTemplateUpdate().toolConfig(Map.of("name", "9 is no function name"))));
        assertThat(invalid.get("param").asText()).startsWith("tool_config.");
    }

    @Test
    void duplicateNamesAre409() throws Exception {
        tools.createToolTemplate(customerLookup());
        assertThat(Clients.error(409, () -> tools.createToolTemplate(customerLookup()))
                        .get("param")
                        .asText())
                .isEqualTo("name");
    }

    @Test
    void analysisTemplateCrud() throws Exception {
        AnalysisTemplate created = analysis.createAnalysisTemplate(new AnalysisTemplateCreate()
                        .name("Customer Satisfaction Survey")
                        .systemPrompt("Extract the satisfaction.")
                        .userPrompt("Transcript: {transcript}")
                        .schema(Map.of("type", "object", "properties", Map.of("sentiment", Map.of("type", "integer")))))
                .getAnalysisTemplate();
        assertThat(created.getOrgId()).isNotNull();
        assertThat(analysis.getAnalysisTemplate(created.getId())
                        .getAnalysisTemplate()
                        .getUserPrompt())
                .isEqualTo("Transcript: {transcript}");
        assertThat(analysis.updateAnalysisTemplate(created.getId(), new AnalysisTemplateUpdate().description("CSAT"))
                        .getAnalysisTemplate()
                        .getDescription())
                .isEqualTo("CSAT");
        assertThat(analysis.listAnalysisTemplates().getAnalysisTemplates()).hasSize(1);
        analysis.deleteAnalysisTemplate(created.getId());
        assertThat(analysis.listAnalysisTemplates().getAnalysisTemplates()).isEmpty();
        // The generated client sends the required schema as null: a wrong type (422), not a missing field.
        var error = Clients.error(
                422,
                () -> analysis.createAnalysisTemplate(new AnalysisTemplateCreate()
                        .name("No schema")
                        .systemPrompt("s")
                        .userPrompt("u")));
        assertThat(error.get("param").asText()).isEqualTo("schema");
        Http.Reply missing = Http.send(
                "POST",
                flireo.baseUrl() + "/analysis-templates",
                flireo.apiKey(),
                "{\"name\":\"x\",\"system_prompt\":\"s\",\"user_prompt\":\"u\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/error").asText()).isEqualTo("invalid_request");
    }
}
