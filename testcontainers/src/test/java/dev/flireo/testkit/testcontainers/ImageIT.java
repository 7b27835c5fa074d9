package dev.flireo.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/** The image as a user runs it: any flireo command, as a non-root user, with a health check. */
@ExtendWith(FlireoImageAvailable.class)
class ImageIT {

    @Test
    void runsAnyFlireoCommandGivenAfterTheImageName() {
        try (GenericContainer<?> cli = oneShot("openapi", "--list")) {
            cli.start();
            assertThat(cli.getLogs())
                    .contains("flireo-api.yaml")
                    .containsPattern("POST +/assistants +createAssistant");
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
    void servesTheMockByDefaultAndChecksItsHealthEndpoint() {
        InspectImageResponse image = DockerClientFactory.instance().client()
                .inspectImageCmd(FlireoImageAvailable.IMAGE).exec();
        assertThat(image.getConfig().getCmd()).containsExactly("mock");
        assertThat(image.getConfig().getExposedPorts()).extracting(Object::toString).containsExactly("8080/tcp");
        assertThat(image.getConfig().getHealthcheck().getTest()).anyMatch(part -> part.contains("/__flireo/health"));
    }

    private static GenericContainer<?> oneShot(String... command) {
        return new GenericContainer<>(FlireoImageAvailable.IMAGE)
                .withCommand(command)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(30)));
    }
}
