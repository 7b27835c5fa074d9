package dev.flireo.testkit.examples.spring;

import dev.flireo.testkit.openapi.client.ApiException;
import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import java.net.URI;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Creates the booking line's assistant on Flireo, pointing its webhooks at this service. */
@Component
class AssistantRegistration {

    static final String NAME = "Booking line";

    private final AssistantsApi assistants;
    private final String webhookSecret;

    AssistantRegistration(AssistantsApi assistants, @Value("${flireo.webhook-secret}") String webhookSecret) {
        this.assistants = assistants;
        this.webhookSecret = webhookSecret;
    }

    UUID register(URI webhookUrl) throws ApiException {
        return assistants
                .createAssistant(new AssistantCreate()
                        .name(NAME)
                        .firstMessage("Hello, this is the booking line. How can I help?")
                        .webhookUrl(webhookUrl)
                        .webhookSecret(webhookSecret)
                        .webhookEvents(EnumSet.allOf(AssistantCreate.WebhookEventsEnum.class)))
                .getAssistant()
                .getId();
    }
}
