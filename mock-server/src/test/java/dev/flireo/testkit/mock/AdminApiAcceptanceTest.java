package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AdminApiAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().manualClock().demoData(true))
            .build();

    private Http.Reply admin(String method, String path, String body) {
        return Http.send(method, flireo.adminUrl() + path, null, body);
    }

    private Http.Reply api(String method, String path, String body) {
        return Http.send(method, flireo.baseUrl() + path, flireo.apiKey(), body);
    }

    @Test
    void aPageOfAnotherSiteCannotDriveTheAdminApiButTheDashboardAndScriptsCan() throws Exception {
        api("POST", "/assistants", "{\"name\":\"Kept\"}");
        HttpClient client = HttpClient.newHttpClient();
        String own = "http://127.0.0.1:" + flireo.port();
        for (String origin : new String[] {"http://evil.example", "null", "http://127.0.0.1:1"}) {
            HttpResponse<String> refused = client.send(
                    HttpRequest.newBuilder(URI.create(flireo.adminUrl() + "/reset"))
                            .header("Origin", origin)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(origin).isEqualTo(403);
            JsonNode body = Http.JSON.readTree(refused.body());
            assertThat(body.get("error").asText()).isEqualTo("cross_origin");
            assertThat(body.get("message").asText()).contains("Origin: " + origin);
        }
        assertThat(flireo.state().list("assistants"))
                .extracting(a -> a.get("name").asText())
                .contains("Kept");

        HttpResponse<String> dashboard = client.send(
                HttpRequest.newBuilder(URI.create(flireo.adminUrl() + "/health"))
                        .header("Origin", own)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(admin("POST", "/reset", null).status()).isEqualTo(200); // no Origin: curl, tests, the CLI
        assertThat(flireo.state().list("assistants"))
                .extracting(a -> a.get("name").asText())
                .doesNotContain("Kept");
    }

    @Test
    void healthNeedsNoKeyAndWireMocksOwnAdminStaysAvailable() {
        assertThat(admin("GET", "/health", null).json().get("status").asText()).isEqualTo("ok");
        Http.Reply mappings = Http.send("GET", "http://127.0.0.1:" + flireo.port() + "/__admin/mappings", null, null);
        assertThat(mappings.status()).isEqualTo(200);
        assertThat(mappings.json().get("mappings").size()).isEqualTo(3);
    }

    @Test
    void resetReturnsToTheStartState() {
        api("POST", "/assistants", "{\"name\":\"Extra\"}");
        assertThat(flireo.state().list("assistants")).hasSize(2);
        admin("POST", "/reset", null);
        assertThat(flireo.state().list("assistants"))
                .extracting(a -> a.get("name").asText())
                .containsExactly("Support Agent");
    }

    @Test
    void exportAndImportTheWholeState() {
        api("POST", "/assistants", "{\"name\":\"Exported\"}");
        JsonNode state = admin("GET", "/state", null).json();
        assertThat(state.get("assistants")).hasSize(2);
        assertThat(state.get("calls")).hasSize(3);
        admin("POST", "/reset", null);
        assertThat(admin("PUT", "/state", state.toString()).status()).isEqualTo(200);
        assertThat(api("GET", "/assistants", null).json().get("assistants"))
                .extracting(a -> a.get("name").asText())
                .containsExactly("Support Agent", "Exported");
        Http.Reply bad = admin("PUT", "/state", "{\"robots\":[]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/param").asText()).isEqualTo("robots");
    }

    @Test
    void seedAddsResourcesThatTheApiThenServes() {
        String seed =
                "{\"numbers\":[{\"id\":\"5c4d030f-43e3-4e65-899e-8148521e660f\",\"phone_number\":\"+31201234567\","
                        + "\"name\":\"Seeded\",\"agent_id\":null,\"created_at\":\"2025-12-13T10:00:00.000Z\","
                        + "\"updated_at\":\"2025-12-13T10:00:00.000Z\"}]}";
        assertThat(admin("POST", "/seed", seed).status()).isEqualTo(200);
        assertThat(api("GET", "/numbers/5c4d030f-43e3-4e65-899e-8148521e660f", null)
                        .json()
                        .at("/number/name")
                        .asText())
                .isEqualTo("Seeded");
        assertThat(admin("POST", "/seed", "{\"numbers\":[{\"phone_number\":\"+3120\"}]}")
                        .json()
                        .at("/param")
                        .asText())
                .isEqualTo("numbers[0]");
    }

    @Test
    void aSeedFileIsLoadedAtStartAndOnReset(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, admin("GET", "/state", null).body());
        try (FlireoMockServer second = FlireoMockServer.options().seedFile(file).start()) {
            assertThat(second.state().list("calls")).hasSize(3);
            second.reset();
            assertThat(second.state().list("assistants")).hasSize(1);
        }
        assertThatThrownBy(() -> FlireoMockServer.options()
                        .seedFile(dir.resolve("missing.json"))
                        .start())
                .hasMessageContaining("missing.json");
    }

    @Test
    void creditControlsOutboundCalls() {
        assertThat(admin("PUT", "/credit", "{\"minutes_balance\":0}").status()).isEqualTo(200);
        String agent = flireo.state().list("assistants").get(0).get("id").asText();
        String call = "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}";
        assertThat(api("POST", "/calls/outbound", call).status()).isEqualTo(402);
        assertThat(admin("GET", "/credit", null).json().get("minutes_balance").asDouble())
                .isZero();
        admin("PUT", "/credit", "{\"minutes_balance\":25}");
        assertThat(api("POST", "/calls/outbound", call).status()).isEqualTo(200);
        assertThat(api("GET", "/account", null).json().get("minutes_balance").asInt())
                .isEqualTo(25);
        assertThat(admin("PUT", "/credit", "{\"minutes_balance\":\"lots\"}").status())
                .isEqualTo(400);
    }

    @Test
    void faultsPerOperation() throws Exception {
        admin("POST", "/faults", "{\"operation_id\":\"listAssistants\",\"status\":503,\"times\":1}");
        Http.Reply failed = api("GET", "/assistants", null);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().at("/error").asText()).isEqualTo("server_error");
        assertThat(api("GET", "/assistants", null).status()).isEqualTo(200);

        admin("POST", "/faults", "{\"operation_id\":\"listNumbers\",\"delay_ms\":300}");
        long start = System.nanoTime();
        assertThat(api("GET", "/numbers", null).status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(admin("GET", "/faults", null)
                        .json()
                        .get(0)
                        .get("operation_id")
                        .asText())
                .isEqualTo("listNumbers");
        admin("DELETE", "/faults/listNumbers", null);

        admin("POST", "/faults", "{\"operation_id\":\"getAccount\",\"fault\":\"CONNECTION_RESET_BY_PEER\"}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(flireo.baseUrl() + "/account"))
                .header("Authorization", "Bearer " + flireo.apiKey())
                .build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        admin("DELETE", "/faults", null);
        assertThat(api("GET", "/account", null).status()).isEqualTo(200);
        assertThat(admin("POST", "/faults", "{\"operation_id\":\"getAccount\",\"fault\":\"EXPLODE\"}")
                        .json()
                        .at("/param")
                        .asText())
                .isEqualTo("fault");
    }

    @Test
    void aClockAdvanceBeyondACenturyIsRefusedNamingSeconds() {
        for (String seconds : List.of("1e300", "99999999999999999999", "3153600001")) {
            Http.Reply reply = admin("POST", "/clock/advance", "{\"seconds\":" + seconds + "}");
            assertThat(reply.status()).as(seconds).isEqualTo(400);
            assertThat(reply.json().get("param").asText()).isEqualTo("seconds");
            assertThat(reply.json().get("message").asText()).contains("100 years");
        }
        admin("POST", "/calls/inbound", "{\"phone_number\":\"+31850835037\",\"customer_number\":\"+31611112222\"}");
        assertThat(admin("POST", "/clock/advance", "{\"seconds\":3153600000}").status())
                .isEqualTo(200);
    }

    @Test
    void clockInboundCallsAndOutcomes() {
        JsonNode before = admin("GET", "/clock", null).json();
        assertThat(before.get("manual").asBoolean()).isTrue();
        Http.Reply inbound = admin(
                "POST", "/calls/inbound", "{\"phone_number\":\"+31850835037\",\"customer_number\":\"+31611112222\"}");
        assertThat(inbound.status()).isEqualTo(200);
        String id = inbound.json().get("id").asText();
        admin("POST", "/clock/advance", "{\"seconds\":40}");
        assertThat(api("GET", "/calls/" + id, null).json().get("status").asText())
                .isEqualTo("ended");
        assertThat(admin(
                                "POST",
                                "/calls/inbound",
                                "{\"phone_number\":\"+31000000000\",\"customer_number\":\"+31611112222\"}")
                        .status())
                .isEqualTo(404);
        assertThat(admin("POST", "/calls/outcome", "{\"outcome\":\"explode\"}")
                        .json()
                        .at("/param")
                        .asText())
                .isEqualTo("outcome");
        assertThat(admin("GET", "/nothing", null).status()).isEqualTo(404);
        assertThat(admin("GET", "/deliveries", null).json().isArray()).isTrue();
    }

    @Test
    void rateLimitEnforcementCanBeSwitched() {
        assertThat(admin("PUT", "/rate-limits", "{\"enforce\":true}")
                        .json()
                        .get("enforce")
                        .asBoolean())
                .isTrue();
        assertThat(admin("PUT", "/rate-limits", "{\"enforce\":\"yes\"}").status())
                .isEqualTo(400);
        admin("PUT", "/rate-limits", "{\"enforce\":false}");
    }
}
