package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthAndRateLimitAcceptanceTest {

    @RegisterExtension
    FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(
                    FlireoMockServer.options().apiKeys("fl_live_team_a").manualClock()))
            .build();

    private Http.Reply get(String key) {
        return Http.send("GET", flireo.baseUrl() + "/assistants", key, null);
    }

    @Test
    void aMissingOrUnknownKeyIs401WithTheDocumentedBody() {
        for (Http.Reply reply : new Http.Reply[] {
            get(null),
            get("fl_live_other"),
            Http.send("GET", flireo.legacyBaseUrl() + "/contacts", "fl_live_other", null)
        }) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("X-RateLimit-Limit")).isEqualTo("100");
        }
        assertThat(get(null).json().toString())
                .isEqualTo("{\"error\":\"unauthorized\",\"message\":\"Invalid or missing API key\"}");
        assertThat(Http.send("GET", flireo.legacyBaseUrl() + "/contacts", null, null)
                        .json()
                        .at("/error/code")
                        .asText())
                .isEqualTo("unauthorized");
        assertThat(get("fl_live_team_a").status()).isEqualTo(200);
    }

    @Test
    void healthNeedsNoKey() {
        assertThat(Http.send("GET", flireo.baseUrl() + "/health", null, null).status())
                .isEqualTo(200);
        assertThat(Http.send("GET", flireo.adminUrl() + "/health", null, null).status())
                .isEqualTo(200);
    }

    @Test
    void everyResponseCarriesTheRateLimitHeaders() {
        Http.Reply first = get("fl_live_team_a");
        Http.Reply second = get("fl_live_team_a");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("99");
        assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("98");
        long reset = Long.parseLong(second.header("X-RateLimit-Reset"));
        assertThat(reset % 60).isZero();
        assertThat(reset - flireo.clock().now().getEpochSecond()).isBetween(1L, 60L);
        assertThat(Http.send("GET", flireo.baseUrl() + "/nowhere", "fl_live_team_a", null)
                        .header("X-RateLimit-Remaining"))
                .isEqualTo("97");
    }

    @Test
    void enforcementRefusesThe101stRequestUntilTheWindowResets() {
        flireo.server().enforceRateLimits(true);
        for (int i = 0; i < 100; i++) {
            assertThat(get("fl_live_team_a").status()).isEqualTo(200);
        }
        Http.Reply limited = get("fl_live_team_a");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/error").asText()).isEqualTo("rate_limit_exceeded");
        long retry = Long.parseLong(limited.header("Retry-After"));
        assertThat(limited.json().at("/message").asText()).contains("retry after " + retry + " seconds");
        flireo.clock().advance(Duration.ofSeconds(retry));
        assertThat(get("fl_live_team_a").status()).isEqualTo(200);
    }

    @Test
    void withoutEnforcementTheMockNeverThrottles() {
        for (int i = 0; i < 150; i++) {
            assertThat(get("fl_live_team_a").status()).isEqualTo(200);
        }
        assertThat(get("fl_live_team_a").header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void controlCommandsAreLimitedPerCall() {
        flireo.server().enforceRateLimits(true);
        String key = "fl_live_team_a";
        String agent = Http.send("POST", flireo.baseUrl() + "/assistants", key, "{\"name\":\"A\"}")
                .json()
                .at("/assistant/id")
                .asText();
        Http.send("POST", flireo.baseUrl() + "/numbers", key, "{\"phone_number\":\"+31850835037\"}");
        String call = Http.send(
                        "POST",
                        flireo.baseUrl() + "/calls/outbound",
                        key,
                        "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}")
                .json()
                .get("call_id")
                .asText();
        flireo.clock().advance(Duration.ofSeconds(4));
        String inject = "{\"type\":\"inject-context\",\"content\":\"x\",\"trigger_response\":false}";
        for (int i = 0; i < 10; i++) {
            assertThat(Http.send("POST", flireo.baseUrl() + "/calls/" + call + "/control", key, inject)
                            .status())
                    .isEqualTo(200);
        }
        Http.Reply limited = Http.send("POST", flireo.baseUrl() + "/calls/" + call + "/control", key, inject);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
    }
}
