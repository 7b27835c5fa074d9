package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.WebhookSignature;
import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook secret, and credentials in the target URL, never reach what a run writes. */
class RedactionTest {

    private static final String SECRET = "whsec_REDACTION_CANARY_123";
    private static final String TOKEN = "fl_CANARY_KEY_456";

    @Test
    void secretsAndUrlCredentialsAreReplacedWherePeopleReadThem() {
        Redaction redaction = Redaction.of(SECRET, null, "", "whsec_REDACTION");

        assertThat(redaction.apply("expected " + SECRET + ", see https://admin:hunter2@hooks.example.com/in"
                        + "?call=7&api_key=" + TOKEN + "&X-Signature=abc#top"))
                .isEqualTo("expected ***, see https://***@hooks.example.com/in?call=7&api_key=***&X-Signature=***#top");
        assertThat(Redaction.url("http://127.0.0.1:8080/webhooks?mode=reject"))
                .isEqualTo("http://127.0.0.1:8080/webhooks?mode=reject");
        assertThat(redaction.apply((String) null)).isNull();
    }

    @Test
    void aDeliveryKeepsItsRequestWhileWhatTheReceiverSaidIsRedacted() {
        WebhookRequest request = WebhookRequest.of(
                URI.create("http://127.0.0.1/hook"),
                EventType.STATUS_UPDATE,
                "{}".getBytes(StandardCharsets.UTF_8),
                SECRET,
                1_700_000_000L);
        Delivery delivery = new Delivery(
                request,
                401,
                ("bad signature for " + SECRET).getBytes(StandardCharsets.UTF_8),
                Duration.ofMillis(3),
                null,
                Verdict.fail("answered HTTP 401 'bad signature for " + SECRET + "'"));

        Delivery redacted = Redaction.of(SECRET).apply(delivery);

        assertThat(redacted.request()).isEqualTo(request);
        assertThat(redacted.request().headers().get(WebhookSignature.SIGNATURE_HEADER))
                .doesNotContain(SECRET);
        assertThat(redacted.replyText()).isEqualTo("bad signature for ***");
        assertThat(redacted.verdict()).isEqualTo(Verdict.fail("answered HTTP 401 'bad signature for ***'"));
    }

    @Test
    void aRunAgainstAReceiverThatEchoesItsSecretWritesItNowhere(@TempDir Path dir) throws Exception {
        try (WebhookReceiver leaky = WebhookReceiver.start()
                .replyToAll(request -> request.event().equals("assistant-request")
                        ? Reply.json("signature check uses " + SECRET)
                        : Reply.json("{}"))) {
            List<String> progress = new CopyOnWriteArrayList<>();
            WebhookSimulator simulator = WebhookSimulator.target(leaky.url("/webhooks?token=" + TOKEN))
                    .secret(SECRET)
                    .seed(5)
                    .progress(progress::add);

            SimulationReport report = simulator.run(Scenario.named("inbound-happy-path"));

            assertThat(report.failures())
                    .containsExactly("call 1 assistant-request: the reply is not a JSON object:"
                            + " 'signature check uses ***'; the platform would fall back to the default configuration");
            assertThat(progress).hasSize(4).anySatisfy(line -> assertThat(line).contains("signature check uses ***"));
            assertThatThrownBy(report::assertPassed).hasMessageContaining("uses ***");
            String files = Files.readString(report.writeJUnitXml(dir.resolve("replay.xml")))
                    + Files.readString(report.writeHtml(dir.resolve("html")));
            assertThat(files).contains("token=***");
            assertThat(String.join("\n", progress) + report.failures() + files + simulator)
                    .doesNotContain(SECRET, TOKEN);
            assertThat(simulator.toString()).contains("secret=***");
        }
    }

    @Test
    void aBadTargetIsNamedWithoutItsCredentials() {
        assertThatThrownBy(() -> WebhookSimulator.target("ftp://127.0.0.1/in?secret=" + SECRET))
                .hasMessage("the target must be an http:// or https:// URL, got 'ftp://127.0.0.1/in?secret=***'");
    }
}
