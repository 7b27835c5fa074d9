package dev.flireo.testkit.examples.clinic;

import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.ApiException;
import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.model.Assistant;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.AssistantUpdate;
import dev.flireo.testkit.openapi.client.model.FunctionTool;
import dev.flireo.testkit.openapi.client.model.FunctionToolFunction;
import dev.flireo.testkit.openapi.client.model.LlmConfig;
import dev.flireo.testkit.openapi.client.model.LlmMessage;
import dev.flireo.testkit.openapi.client.model.ToolDefinition;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Creates the clinic's assistant on the Flireo platform, or brings the existing one (found by name) up to date,
 * so that every call's webhooks reach this service, signed with its secret.
 */
public final class AssistantSetup {

    /** The name the assistant is found by on the next start. */
    public static final String ASSISTANT_NAME = "Clinic booking line";

    private final AssistantsApi assistants;
    private final Clinic clinic;

    public AssistantSetup(ApiClient client, Clinic clinic) {
        this.assistants = new AssistantsApi(client);
        this.clinic = clinic;
    }

    /** @return the assistant's id */
    public UUID ensureAssistant(URI webhookUrl, String webhookSecret) throws ApiException {
        Optional<Assistant> existing = assistants.listAssistants().getAssistants().stream()
                .filter(a -> ASSISTANT_NAME.equals(a.getName()))
                .findFirst();
        if (existing.isPresent()) {
            UUID id = existing.get().getId();
            assistants.updateAssistant(
                    id,
                    new AssistantUpdate()
                            .webhookUrl(webhookUrl)
                            .webhookSecret(webhookSecret)
                            .webhookEvents(EnumSet.allOf(AssistantUpdate.WebhookEventsEnum.class)));
            return id;
        }
        AssistantCreate assistant = new AssistantCreate()
                .name(ASSISTANT_NAME)
                .businessName(clinic.name())
                .firstMessage(clinic.defaultGreeting())
                .webhookUrl(webhookUrl)
                .webhookSecret(webhookSecret)
                .webhookEvents(EnumSet.allOf(AssistantCreate.WebhookEventsEnum.class))
                .llmConfig(new LlmConfig()
                        .provider(LlmConfig.ProviderEnum.OPENAI_LIVE)
                        .model("gpt-realtime")
                        .messages(List.of(new LlmMessage()
                                .role(LlmMessage.RoleEnum.SYSTEM)
                                .content(instructions())))
                        .tools(tools()));
        return assistants.createAssistant(assistant).getAssistant().getId();
    }

    private String instructions() {
        return "You answer the phone for " + clinic.name() + ", a dental practice open " + clinic.hours()
                + ". Look the caller up with lookup_customer, check a slot with check_availability and book it with "
                + "book_appointment. Visits take " + Clinic.VISIT_MINUTES + " minutes. Be brief and friendly.";
    }

    private static List<ToolDefinition> tools() {
        return List.of(
                tool(
                        "lookup_customer",
                        "Find the caller in the patient records by phone number.",
                        Map.of("phone", "string")),
                tool("check_availability", "Tell whether a slot is free.", Map.of("date", "string", "time", "string")),
                tool(
                        "book_appointment",
                        "Book a visit for the caller.",
                        Map.of("customer_phone", "string", "date", "string", "time", "string", "type", "string")));
    }

    private static ToolDefinition tool(String name, String description, Map<String, String> arguments) {
        Map<String, Object> properties = new TreeMap<>();
        arguments.forEach((argument, type) -> properties.put(argument, Map.of("type", type)));
        // The nested shape the vendor's SDK (v2.2.0) sends; the platform also takes the flat one of the Flireo pages.
        return new ToolDefinition(new FunctionTool()
                .type(FunctionTool.TypeEnum.FUNCTION)
                .function(new FunctionToolFunction()
                        .name(name)
                        .description(description)
                        .parameters(Map.of("type", "object", "properties", properties))));
    }
}
