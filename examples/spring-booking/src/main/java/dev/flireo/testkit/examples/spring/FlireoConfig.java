package dev.flireo.testkit.examples.spring;

import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generated Flireo client (artifact flireo-client) on the configured base URL, with the API key. */
@Configuration
class FlireoConfig {

    @Bean
    AssistantsApi assistantsApi(
            @Value("${flireo.base-url}") String baseUrl, @Value("${flireo.api-key}") String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return new AssistantsApi(client);
    }

    @Bean
    SignedDeliveries signedDeliveries(@Value("${flireo.webhook-secret}") String secret) {
        return new SignedDeliveries(secret);
    }
}
