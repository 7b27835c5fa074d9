package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.Dialect;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@FlireoMockTest(apiKeys = "fl_test_declarative", manualClock = true, demoData = true, webhookDialect = Dialect.FLIREO)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclarativeAnnotationTest {

    private String startedInBeforeEach;

    @BeforeEach
    void injectedIntoLifecycleMethods(FlireoMockServer flireo) {
        startedInBeforeEach = flireo.baseUrl();
    }

    @Test
    @Order(1)
    void theServerIsInjectedWithTheConfiguredKeyAndClock(FlireoMockServer flireo) {
        assertThat(flireo.baseUrl())
                .isEqualTo(startedInBeforeEach)
                .startsWith("http://127.0.0.1:")
                .endsWith("/api/v1");
        assertThat(flireo.apiKey()).isEqualTo("fl_test_declarative");
        assertThat(flireo.clock().isManual()).isTrue();
        assertThat(flireo.webhookDialect()).isEqualTo(Dialect.FLIREO);
        assertThat(Http.send("GET", flireo.adminUrl() + "/health", null, null)
                        .json()
                        .get("webhook_dialect")
                        .asText())
                .isEqualTo("flireo");
        assertThat(Http.send("GET", flireo.baseUrl() + "/assistants", "other", null)
                        .status())
                .isEqualTo(401);
        Http.send("POST", flireo.baseUrl() + "/assistants", flireo.apiKey(), "{\"name\":\"Added in test 1\"}");
        assertThat(flireo.state().list("assistants")).hasSize(2);
        flireo.clock().advance(Duration.ofHours(1));
    }

    @Test
    @Order(2)
    void eachTestStartsFromTheSeededState(FlireoMockServer flireo) {
        assertThat(flireo.state().list("assistants"))
                .extracting(a -> a.get("name").asText())
                .containsExactly("Support Agent");
    }
}
