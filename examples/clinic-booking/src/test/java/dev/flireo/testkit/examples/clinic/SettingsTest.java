package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void optionsWinOverEnvironmentVariablesWhichWinOverDefaults() {
        Settings settings = Settings.parse(
                List.of("--port", "9000", "--api-key=fl_option"),
                Map.of("FLIREO_WEBHOOK_SECRET", "whsec_env", "FLIREO_API_KEY", "fl_env", "CLINIC_PORT", "7000"));

        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.apiKey()).isEqualTo("fl_option");
        assertThat(settings.webhookSecret()).isEqualTo("whsec_env");
        assertThat(settings.flireoUrl()).isEqualTo("http://127.0.0.1:8080/api/v1");
        assertThat(settings.webhookUrl(URI.create("http://127.0.0.1:9000/webhooks")))
                .as("without --public-url, where the server listens")
                .hasToString("http://127.0.0.1:9000/webhooks");
        assertThat(settings.openingHours()).hasToString("Mon-Fri 08:00-18:00");
    }

    @Test
    void aPublicUrlIsWhatTheAssistantIsGiven() {
        Settings settings = Settings.parse(
                List.of("--webhook-secret", "s", "--public-url", "https://clinic.example.com/hooks"), Map.of());

        assertThat(settings.webhookUrl(URI.create("http://127.0.0.1:8081/webhooks")))
                .hasToString("https://clinic.example.com/hooks");
    }

    @Test
    void theWebhookSecretIsRequired() {
        assertThatThrownBy(() -> Settings.parse(List.of("--api-key", "k"), Map.of()))
                .hasMessage("--webhook-secret (or FLIREO_WEBHOOK_SECRET) is required: "
                        + "the clinic verifies the signature of every webhook");
    }

    @Test
    void badValuesAreNamed() {
        Map<String, String> env = Map.of("FLIREO_WEBHOOK_SECRET", "s");

        assertThatThrownBy(() -> Settings.parse(List.of("--port", "http"), env))
                .hasMessage("--port must be a number from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> Settings.parse(List.of("--flireo-url", "localhost:8080"), env))
                .hasMessage("--flireo-url must be an http:// or https:// URL, got 'localhost:8080'");
        assertThatThrownBy(() -> Settings.parse(List.of("--opening-hours", "weekdays"), env))
                .hasMessage(
                        "opening hours: cannot read 'weekdays'; expected e.g. 'Mon-Fri 08:00-18:00', 'Sat 09:00-12:00' or 'always'");
        assertThatThrownBy(() -> Settings.parse(List.of("--secret", "s"), env)).hasMessage("unknown option '--secret'");
        assertThatThrownBy(() -> Settings.parse(List.of("--port"), env)).hasMessage("--port needs a value");
    }
}
