package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's files and the admin endpoints it reads, over real HTTP. The page itself is driven in a real
 * browser by {@code mock-server/ui-tests}.
 */
class DashboardAcceptanceTest {

    private static final String SECRET = "whsec_dashboard_secret_1";

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options()
                    .manualClock(Instant.parse("2025-12-13T12:00:00Z"))
                    .demoData(true))
            .build();

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        flireo.server().reset();
        receiver = WebhookReceiver.start().requireSignature(SECRET);
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private Http.Reply admin(String method, String path, String body) {
        return Http.send(method, flireo.adminUrl() + path, null, body);
    }

    private String assistantWithWebhooks() {
        return Http.send(
                        "POST",
                        flireo.baseUrl() + "/assistants",
                        flireo.apiKey(),
                        "{\"name\":\"Hooked\",\"webhook_url\":\"" + receiver.url() + "\",\"webhook_secret\":\"" + SECRET
                                + "\"}")
                .json()
                .at("/assistant/id")
                .asText();
    }

    @Test
    void theMockServesTheDashboardFromItsOwnClasspath() {
        Http.Reply page = admin("GET", "/ui/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'");
        assertThat(page.body()).contains("<script src=\"/__flireo/ui/app.js\"").doesNotContain("https://");
        assertThat(admin("GET", "/ui", null).body()).isEqualTo(page.body());
        assertThat(admin("GET", "/ui/app.js", null).header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(admin("GET", "/ui/app.css", null).header("Content-Type")).isEqualTo("text/css; charset=utf-8");

        Http.Reply missing = admin("GET", "/ui/secrets.txt", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/message").asText()).contains("secrets.txt", "/__flireo/ui/");
        assertThat(admin("POST", "/ui/", "{}").status()).isEqualTo(405);
        assertThat(admin("GET", "/health", null).json().get("dashboard").asText())
                .isEqualTo("/__flireo/ui/");
    }

    @Test
    void changesCountTheStateAndTheDeliveriesAndTellTheMockTime() {
        JsonNode before = admin("GET", "/changes", null).json();
        assertThat(before.get("deliveries").asInt()).isZero();
        assertThat(before.get("now").asText()).isEqualTo("2025-12-13T12:00:00.000Z");
        Http.send("POST", flireo.baseUrl() + "/assistants", flireo.apiKey(), "{\"name\":\"Another\"}");
        admin("POST", "/clock/advance", "{\"seconds\":5}");
        JsonNode after = admin("GET", "/changes", null).json();
        assertThat(after.get("state_version").asLong())
                .isGreaterThan(before.get("state_version").asLong());
        assertThat(after.get("calls").asInt())
                .isEqualTo(flireo.state().list("calls").size());
        assertThat(after.get("now").asText()).isEqualTo("2025-12-13T12:00:05.000Z");
    }

    @Test
    void oneCollectionOrSingletonIsRedactedAsTheExportShowsIt() {
        assistantWithWebhooks();
        JsonNode assistants = admin("GET", "/state/assistants", null).json();
        assertThat(assistants).isEqualTo(admin("GET", "/state", null).json().get("assistants"));
        assertThat(assistants.get(1).get("webhook_secret").asText()).isEqualTo("***");
        assertThat(admin("GET", "/state/assistants?secrets=include", null)
                        .json()
                        .get(1)
                        .get("webhook_secret")
                        .asText())
                .isEqualTo(SECRET);
        admin("PUT", "/credit", "{\"minutes_balance\":12.5}");
        assertThat(admin("GET", "/state/account", null)
                        .json()
                        .get("minutes_balance")
                        .asDouble())
                .isEqualTo(12.5);

        JsonNode newest = admin("GET", "/state/assistants?last=1", null).json();
        assertThat(newest).hasSize(1);
        assertThat(newest.get(0)).isEqualTo(assistants.get(1));
        assertThat(admin("GET", "/state/calls?last=0", null).json().at("/param").asText())
                .isEqualTo("last");

        Http.Reply unknown = admin("GET", "/state/robots", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/message").asText()).contains("robots");
    }

    @Test
    void anOutboundCallFromTheAdminApiIsTheRestOperationWithTheMocksKey() {
        String agent = assistantWithWebhooks();
        Http.Reply placed =
                admin("POST", "/calls/outbound", "{\"agent_id\":\"" + agent + "\",\"destination\":\"+31612345678\"}");
        assertThat(placed.status()).isEqualTo(200);
        assertThat(flireo.state().get("calls", placed.json().get("call_id").asText()))
                .isPresent();

        Http.Reply invalid = admin("POST", "/calls/outbound", "{\"agent_id\":\"" + agent + "\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("destination");
    }

    @Test
    void deliveriesAreFilteredByCallEventAndVerdictAndWindowedToTheNewest() throws Exception {
        String agent = assistantWithWebhooks();
        String first = Http.send(
                        "POST",
                        flireo.baseUrl() + "/calls/outbound",
                        flireo.apiKey(),
                        "{\"agent_id\":\"" + agent + "\",\"destination\":\"+31612345678\"}")
                .json()
                .get("call_id")
                .asText();
        admin("POST", "/clock/advance", "{\"seconds\":40}");
        receiver.awaitReceived(4);
        admin("POST", "/calls/outbound", "{\"agent_id\":\"" + agent + "\",\"destination\":\"+31687654321\"}");
        admin("POST", "/clock/advance", "{\"seconds\":40}");
        receiver.awaitReceived(8);
        flireo.awaitDeliveries(8, Duration.ofSeconds(10));

        JsonNode ofFirst = admin("GET", "/deliveries?call_id=" + first, null).json();
        assertThat(ofFirst)
                .hasSize(4)
                .allSatisfy(d -> assertThat(d.get("call_id").asText()).isEqualTo(first));
        JsonNode reports =
                admin("GET", "/deliveries?event=end-of-call-report", null).json();
        assertThat(reports).hasSize(2);
        assertThat(admin("GET", "/deliveries?outcome=pass", null).json()).hasSize(8);
        assertThat(admin("GET", "/deliveries?outcome=fail", null).json()).isEmpty();
        JsonNode last = admin("GET", "/deliveries?last=1", null).json();
        assertThat(last).hasSize(1);
        assertThat(last.get(0)).isEqualTo(reports.get(1));
        assertThat(admin("GET", "/changes", null).json().get("deliveries").asInt())
                .isEqualTo(8);
    }

    @Test
    void aBadDeliveryQueryIsRefusedNamingTheParameter() {
        assertThat(admin("GET", "/deliveries?outcome=maybe", null)
                        .json()
                        .at("/param")
                        .asText())
                .isEqualTo("outcome");
        Http.Reply event = admin("GET", "/deliveries?event=hangup", null);
        assertThat(event.status()).isEqualTo(400);
        assertThat(event.json().at("/message").asText()).contains("hangup", "status-update");
        assertThat(admin("GET", "/deliveries?last=0", null).json().at("/param").asText())
                .isEqualTo("last");
        assertThat(admin("GET", "/deliveries?colour=red", null)
                        .json()
                        .at("/param")
                        .asText())
                .isEqualTo("colour");
    }
}
