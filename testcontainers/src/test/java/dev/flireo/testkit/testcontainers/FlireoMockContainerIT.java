package dev.flireo.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.ApiException;
import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.api.CallsApi;
import dev.flireo.testkit.openapi.client.api.NumbersApi;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.CallDetail;
import dev.flireo.testkit.openapi.client.model.PhoneNumberCreate;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/** The mock in its container, driven through the generated Java client as a user's test suite would. */
@ExtendWith(FlireoImageAvailable.class)
@Testcontainers
class FlireoMockContainerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec_container_test";

    @Container
    static FlireoMockContainer flireo =
            new FlireoMockContainer().withApiKey("test-key").withTimeScale(20);

    @Test
    void servesTheApiToTheGeneratedClientWithTheConfiguredKeyOnly() throws Exception {
        AssistantsApi assistants = new AssistantsApi(flireo.client());
        UUID id = assistants
                .createAssistant(new AssistantCreate().name("Container"))
                .getAssistant()
                .getId();

        assertThat(assistants.getAssistant(id).getAssistant().getName()).isEqualTo("Container");
        ApiClient otherKey = flireo.client();
        otherKey.setRequestInterceptor(request -> request.header("Authorization", "Bearer other-key"));
        assertThatThrownBy(() -> new AssistantsApi(otherKey).listAssistants())
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }

    @Test
    void anInboundCallSendsSignedWebhooksToAReceiverOnTheHost() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.startOnAllInterfaces()) {
            UUID agent = new AssistantsApi(flireo.client())
                    .createAssistant(new AssistantCreate()
                            .name("Reception")
                            .webhookUrl(URI.create(FlireoMockContainer.hostUrl(receiver.port()) + "/webhooks"))
                            .webhookSecret(SECRET))
                    .getAssistant()
                    .getId();
            new NumbersApi(flireo.client())
                    .createNumber(
                            new PhoneNumberCreate().phoneNumber("+31850835038").agentId(agent));

            String callId = JSON.readTree(admin(
                            "POST",
                            "/calls/inbound",
                            "{\"phone_number\":\"+31850835038\","
                                    + "\"customer_number\":\"+31611112222\",\"duration_seconds\":20}"))
                    .path("id")
                    .asText();

            // 1 s ringing and 20 s of talk take about 1 s at a time scale of 20; 20 s of real time would not do.
            List<ReceivedWebhook> deliveries = receiver.awaitReceived(4, Duration.ofSeconds(15));
            assertThat(deliveries)
                    .extracting(ReceivedWebhook::event)
                    .containsExactly("assistant-request", "status-update", "status-update", "end-of-call-report");
            WebhookSignature.Verifier verifier = WebhookSignature.verifier(SECRET);
            assertThat(deliveries).allSatisfy(delivery -> {
                SignatureCheck check = verifier.verify(delivery.headers(), delivery.body());
                assertThat(check.valid()).as(check.message()).isTrue();
                assertThat(JSON.readTree(delivery.body())
                                .at("/message/customer/number")
                                .asText())
                        .isEqualTo("+31611112222");
            });
            assertThat(deliveries)
                    .extracting(
                            d -> JSON.readTree(d.body()).at("/message/call/id").asText())
                    .containsOnly(JSON.readTree(deliveries.get(0).body())
                            .at("/message/call/id")
                            .asText());

            CallDetail call = new CallsApi(flireo.client()).getCall(callId);
            assertThat(call.getStatus().getValue()).isEqualTo("ended");
            assertThat(call.getDirection().getValue()).isEqualTo("inbound");
            assertThat(call.getDurationSeconds()).isEqualTo(20);
        }
    }

    @Test
    void startsFromASeedFile(@TempDir Path dir) throws Exception {
        new AssistantsApi(flireo.client()).createAssistant(new AssistantCreate().name("Seeded"));
        // With the secrets: the plain export shows them as *** (a seed carrying *** is refused).
        Path seed = Files.writeString(dir.resolve("seed.json"), admin("GET", "/state?secrets=include", null));

        try (FlireoMockContainer seeded = new FlireoMockContainer().withSeed(MountableFile.forHostPath(seed))) {
            seeded.start();
            assertThat(new AssistantsApi(seeded.client()).listAssistants().getAssistants())
                    .extracting(a -> a.getName())
                    .contains("Seeded");
        }
    }

    @Test
    void refusesBodiesOverTheConfiguredLimit() throws Exception {
        try (FlireoMockContainer small = new FlireoMockContainer().withMaxBodySize(1024)) {
            small.start();
            String name = "x".repeat(2048);
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(small.getBaseUrl() + "/assistants"))
                            .header("Authorization", "Bearer any-key")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("1024 bytes");
        }
    }

    @Test
    void sendsTheChosenWebhookDialect() throws Exception {
        try (FlireoMockContainer camel = new FlireoMockContainer().withWebhookDialect("flireo")) {
            camel.start();
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(camel.getAdminUrl() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"webhook_dialect\":\"flireo\"");
        }
        assertThat(admin("GET", "/health", null)).contains("\"webhook_dialect\":\"voicedock\"");
    }

    @Test
    void servesTheDashboardFromTheImage() throws Exception {
        assertThat(admin("GET", "/health", null)).contains("\"dashboard\":\"/__flireo/ui/\"");
        assertThat(admin("GET", "/ui/", null)).contains("<script src=\"/__flireo/ui/app.js\"");
        assertThat(admin("GET", "/ui/app.js", null)).contains("/__flireo");
    }

    private static String admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(flireo.getAdminUrl() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(200);
        return response.body();
    }
}
