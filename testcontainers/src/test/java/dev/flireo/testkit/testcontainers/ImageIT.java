package dev.flireo.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.WebhookSignature;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;

/** The image as a user runs it: any flireo command, as a non-root user, with a health check. */
@ExtendWith(FlireoImageAvailable.class)
class ImageIT {

    @Test
    void runsAnyFlireoCommandGivenAfterTheImageName() {
        try (GenericContainer<?> cli = oneShot("openapi", "--list")) {
            cli.start();
            assertThat(cli.getLogs()).contains("flireo-api.yaml").containsPattern("POST +/assistants +createAssistant");
        }
    }

    @Test
    void replaysAScenarioWhoseSignedWebhooksReachAReceiverOnTheHost() throws Exception {
        String secret = "whsec_container_test";
        try (WebhookReceiver receiver = WebhookReceiver.startOnAllInterfaces();
                GenericContainer<?> replay = oneShot(
                                "replay",
                                "inbound-happy-path",
                                "--target",
                                FlireoMockContainer.hostUrl(receiver.port()) + "/webhooks",
                                "--secret",
                                secret,
                                "--seed",
                                "1")
                        .withExtraHost(FlireoMockContainer.HOST_ALIAS, "host-gateway")) {
            replay.start();

            assertThat(replay.getLogs()).contains("PASSED inbound-happy-path");
            assertThat(receiver.received())
                    .extracting(ReceivedWebhook::event)
                    .containsExactly("assistant-request", "status-update", "status-update", "end-of-call-report");
            WebhookSignature.Verifier verifier = WebhookSignature.verifier(secret);
            assertThat(receiver.received())
                    .allSatisfy(delivery -> assertThat(verifier.verify(delivery.headers(), delivery.body())
                                    .valid())
                            .isTrue());
            assertThat(WebhookSignature.verifier("another-secret")
                            .verify(
                                    receiver.received().get(0).headers(),
                                    receiver.received().get(0).body())
                            .valid())
                    .isFalse();
        }
    }

    @Test
    void runsAsTheNonRootUserFlireo() {
        try (GenericContainer<?> id = oneShot().withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("id"))) {
            id.start();
            assertThat(id.getLogs()).startsWith("uid=10001(flireo) gid=10001(flireo)");
        }
    }

    @Test
    void servesTheMockByDefaultAndDockersHealthCheckSeesIt() throws Exception {
        try (GenericContainer<?> mock = new GenericContainer<>(FlireoImageAvailable.IMAGE)
                .withExposedPorts(FlireoMockContainer.PORT)
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofSeconds(60)))) {
            mock.start();

            assertThat(mock.getCurrentContainerInfo().getState().getHealth().getStatus())
                    .isEqualTo("healthy");
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + mock.getHost() + ":"
                                            + mock.getMappedPort(FlireoMockContainer.PORT) + "/__flireo/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"ok\"");
        }
    }

    private static GenericContainer<?> oneShot(String... command) {
        return new GenericContainer<>(FlireoImageAvailable.IMAGE)
                .withCommand(command)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)));
    }
}
