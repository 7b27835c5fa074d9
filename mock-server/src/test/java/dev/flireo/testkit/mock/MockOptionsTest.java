package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flireo.testkit.contracts.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The options are declared once: the annotation maps onto them, and their defaults and messages are theirs. */
class MockOptionsTest {

    @FlireoMockTest
    private static final class Defaults {}

    @FlireoMockTest(
            apiKeys = {"fl_a", "fl_b"},
            timeScale = 60,
            manualClock = true,
            demoData = true,
            enforceRateLimits = true,
            webhookDialect = Dialect.FLIREO,
            seedFile = "seed.json")
    private static final class Everything {}

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        MockOptions options = FlireoMockServer.options();
        assertThat(options.port()).isZero();
        assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(options.apiKeys()).isEmpty();
        assertThat(options.timeScale()).isEqualTo(1);
        assertThat(options.manualClockStart()).isNull();
        assertThat(options.maxBodySize()).isEqualTo(1 << 20).isEqualTo(MockOptions.DEFAULT_MAX_BODY_SIZE);
        assertThat(options.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.bodyTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.webhookDialect()).isEqualTo(Dialect.VOICEDOCK);
        assertThat(options.requestJournal()).isZero();
        assertThat(options.demoData()).isFalse();
        assertThat(options.enforceRateLimits()).isFalse();
    }

    @Test
    void anAnnotationWithNoAttributesIsTheDefaultOptions() {
        MockOptions mapped = FlireoMockTestExtension.options(Defaults.class.getAnnotation(FlireoMockTest.class));
        MockOptions defaults = FlireoMockServer.options();
        assertThat(mapped)
                .usingRecursiveComparison()
                .ignoringFieldsOfTypes(java.util.function.Consumer.class)
                .isEqualTo(defaults);
    }

    @Test
    void everyAttributeOfTheAnnotationLandsInTheOptions() {
        MockOptions mapped = FlireoMockTestExtension.options(Everything.class.getAnnotation(FlireoMockTest.class));
        assertThat(mapped.apiKeys()).containsExactly("fl_a", "fl_b");
        assertThat(mapped.timeScale()).isEqualTo(60);
        assertThat(mapped.manualClockStart()).isNotNull();
        assertThat(mapped.demoData()).isTrue();
        assertThat(mapped.enforceRateLimits()).isTrue();
        assertThat(mapped.webhookDialect()).isEqualTo(Dialect.FLIREO);
        assertThat(mapped.seedFile()).isEqualTo(Path.of("seed.json"));
    }

    @Test
    void badValuesAreRefusedAtOnceNamingTheOption() {
        MockOptions options = FlireoMockServer.options();
        assertThatThrownBy(() -> options.port(70000)).hasMessage("port must be 0..65535, got 70000");
        assertThatThrownBy(() -> options.timeScale(0)).hasMessage("time scale must be a positive number, got 0.0");
        assertThatThrownBy(() -> options.apiKeys(" ")).hasMessage("an API key must not be blank");
        assertThatThrownBy(() -> options.maxBodySize(-1)).hasMessageStartingWith("maxBodySize must be 0..");
        assertThatThrownBy(() -> options.requestTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageStartingWith("request timeouts must be positive");
        assertThatThrownBy(() -> options.webhookDialect(Dialect.LEGACY)).hasMessageContaining("not legacy");
        assertThatThrownBy(() ->
                        FlireoMockServer.options().recordTo(Path.of("x.json")).start())
                .hasMessage("recordTo needs proxyTo: only the proxy records exchanges");
        assertThatThrownBy(() -> FlireoMockServer.options()
                        .seedFile(Path.of("no-such-seed.json"))
                        .start())
                .hasMessage("seed file is not readable: no-such-seed.json");
    }

    @Test
    void theExtensionStartsItsServerWithTheOptionsItWasGiven() throws Exception {
        FlireoMockExtension extension = FlireoMockExtension.newInstance()
                .options(FlireoMockServer.options()
                        .apiKeys("fl_whole")
                        .manualClock()
                        .demoData(true))
                .build();
        extension.beforeAll(null);
        try {
            assertThat(extension.apiKey()).isEqualTo("fl_whole");
            assertThat(extension.clock().isManual()).isTrue();
            assertThat(Http.send("GET", extension.baseUrl() + "/assistants", "fl_whole", null)
                            .status())
                    .isEqualTo(200);
            assertThat(Http.send("GET", extension.baseUrl() + "/assistants", "fl_other", null)
                            .status())
                    .isEqualTo(401);
            assertThat(extension.state().list("assistants")).hasSize(1);
        } finally {
            extension.afterAll(null);
        }
    }
}
