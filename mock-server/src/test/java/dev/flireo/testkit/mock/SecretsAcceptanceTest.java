package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook secrets, API keys and stored credentials stay out of the admin API's output unless asked for by name,
 * an edited export keeps the stored secrets, and the delivery log never carries a secret.
 */
class SecretsAcceptanceTest {

    private static final String SECRET = "whsec_REDACTION_CANARY_123";
    private static final String KEY = "fl_CANARY_KEY_456";
    private static final String MCP_TOKEN = "Bearer mcp_CANARY_789";
    private static final String OPENAI_KEY = "sk-CANARY-000";

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().apiKeys(KEY).manualClock(Instant.parse("2025-12-13T12:00:00Z")))
            .build();

    private String assistant(String webhookUrl) {
        String id = api(
                        "POST",
                        "/assistants",
                        "{\"name\":\"Support\",\"webhook_url\":\"" + webhookUrl + "\",\"webhook_secret\":\"" + SECRET
                                + "\"}")
                .json()
                .at("/assistant/id")
                .asText();
        api(
                "POST",
                "/numbers",
                "{\"phone_number\":\"+31850835037\",\"name\":\"Support line\",\"agent_id\":\"" + id + "\"}");
        return id;
    }

    private Http.Reply api(String method, String path, String body) {
        return Http.send(method, flireo.baseUrl() + path, KEY, body);
    }

    private Http.Reply admin(String method, String path, String body) {
        return Http.send(method, flireo.adminUrl() + path, null, body);
    }

    @Test
    void theStateExportRedactsEveryCredentialUnlessSecretsAreIncluded() {
        String id = assistant("https://clinic.example.com/webhooks?token=" + KEY);
        api(
                "POST",
                "/mcp-servers",
                "{\"name\":\"crm\",\"url\":\"https://mcp.example.com/sse\"," + "\"headers\":{\"Authorization\":\""
                        + MCP_TOKEN + "\"}}");
        api("POST", "/byok", "{\"provider\":\"openai\",\"api_key\":\"" + OPENAI_KEY + "\"}");

        Http.Reply redacted = admin("GET", "/state", null);
        Http.Reply full = admin("GET", "/state?secrets=include", null);

        assertThat(redacted.body()).doesNotContain(SECRET, MCP_TOKEN, OPENAI_KEY, KEY);
        JsonNode state = redacted.json();
        assertThat(state.at("/assistants/0/webhook_secret").asText()).isEqualTo("***");
        assertThat(state.at("/assistants/0/webhook_url").asText())
                .isEqualTo("https://clinic.example.com/webhooks?token=***");
        assertThat(state.at("/mcp_servers/0/_headers/Authorization").asText()).isEqualTo("***");
        assertThat(state.at("/byok_keys/_openai_api_key").asText()).isEqualTo("***");
        assertThat(state.at("/byok_keys/openai_secret_id").asText()).startsWith("vault-secret-");
        assertThat(full.body()).contains(SECRET, MCP_TOKEN, OPENAI_KEY, KEY);
        assertThat(admin("GET", "/state?secrets=yes", null).status()).isEqualTo(400);
        // The REST API returns webhook_secret, as the platform's documented assistant does.
        assertThat(api("GET", "/assistants/" + id, null)
                        .json()
                        .at("/assistant/webhook_secret")
                        .asText())
                .isEqualTo(SECRET);
    }

    @Test
    void anEditedExportPutBackKeepsTheStoredSecrets() {
        String id = assistant("https://clinic.example.com/webhooks?token=" + KEY);
        ObjectNode state = (ObjectNode) admin("GET", "/state", null).json();
        ((ObjectNode) state.at("/assistants/0")).put("name", "Renamed");

        assertThat(admin("PUT", "/state", state.toString()).status()).isEqualTo(200);
        assertThat(admin("POST", "/seed", state.toString()).status()).isEqualTo(200);

        JsonNode stored = flireo.state().get("assistants", id).orElseThrow();
        assertThat(stored.get("name").asText()).isEqualTo("Renamed");
        assertThat(stored.get("webhook_secret").asText()).isEqualTo(SECRET);
        assertThat(stored.get("webhook_url").asText()).isEqualTo("https://clinic.example.com/webhooks?token=" + KEY);
    }

    @Test
    void aRedactedSecretWithNothingStoredToKeepIsRefusedNamingTheField(@TempDir Path dir) throws Exception {
        assistant("https://clinic.example.com/webhooks");
        ObjectNode state = (ObjectNode) admin("GET", "/state", null).json();
        ObjectNode copy =
                ((ObjectNode) state.at("/assistants/0")).deepCopy().put("id", "0b7e5d0c-2d4e-4a7a-9a53-5b1e2c7a9f10");
        ((ArrayNode) state.get("assistants")).add(copy);

        Http.Reply refused = admin("PUT", "/state", state.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/param").asText()).isEqualTo("assistants[1].webhook_secret");
        assertThat(refused.json().at("/message").asText()).contains("?secrets=include");
        assertThat(flireo.state().list("assistants")).hasSize(1);
        assertThat(flireo.state().export().at("/assistants/0/webhook_secret").asText())
                .isEqualTo(SECRET);
        Path seed = Files.writeString(dir.resolve("seed.json"), state.toString());
        assertThatThrownBy(() -> FlireoMockServer.options().seedFile(seed).start())
                .hasMessageContaining("assistants[0].webhook_secret is \"***\"");
    }

    @Test
    void theDeliveryLogShowsTheSignatureButNeverTheSecretEvenWhenTheReceiverEchoesIt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().requireSignature(SECRET)) {
            receiver.reply("status-update", Reply.json("{\"ok\":\"verified with " + SECRET + "\"}"));
            String agent = assistant(receiver.url() + "?token=" + KEY);
            api("POST", "/calls/outbound", "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}");
            flireo.clock().advance(Duration.ofSeconds(4));
            flireo.clock().advance(Duration.ofSeconds(30));

            assertThat(flireo.awaitDeliveries(3, Duration.ofSeconds(10)))
                    .allSatisfy(d -> assertThat(d.passed()).isTrue());
            Http.Reply log = admin("GET", "/deliveries", null);

            assertThat(log.body()).doesNotContain(SECRET, KEY);
            JsonNode first = log.json().get(0);
            assertThat(first.at("/request/headers/X-Webhook-Signature").asText())
                    .matches("sha256=[0-9a-f]{64}");
            assertThat(first.at("/request/headers").has("Authorization")).isFalse();
            assertThat(first.get("reply").asText()).isEqualTo("{\"ok\":\"verified with ***\"}");
            assertThat(first.get("url").asText()).isEqualTo(receiver.url() + "?token=***");
        }
    }

    @Test
    void wireMocksRequestJournalIsOffSoNoAuthorizationHeaderIsKept() {
        api("GET", "/assistants", null);

        Http.Reply journal = Http.send("GET", "http://127.0.0.1:" + flireo.port() + "/__admin/requests", null, null);

        assertThat(journal.body()).contains("request journal is disabled").doesNotContain(KEY);
    }
}
