package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.WebhookSignature;
import dev.flireo.testkit.mock.FlireoMockServer;
import dev.flireo.testkit.mock.MockOptions;
import dev.flireo.testkit.mock.internal.RequestJson;
import dev.flireo.testkit.simulator.WebhookSender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The promises of the root SECURITY.md are the code's figures, and the README links to it. */
class SecurityPolicyTest {

    @Test
    void theStatedLimitsAreTheCodesAndTheReadmeLinksToThePolicy() throws Exception {
        String policy = Files.readString(Path.of("../SECURITY.md"));

        assertThat(policy)
                .contains("more than " + WebhookSignature.DEFAULT_TOLERANCE.toSeconds() + " s from its clock")
                .contains("most " + WebhookSender.MAX_REPLY_BYTES / (1024 * 1024) + " MiB of a reply");
        try (FlireoMockServer mock = FlireoMockServer.options().start()) {
            assertThat(mock.wireMock().getOptions().bindAddress()).isEqualTo("127.0.0.1");
        }
        assertThat(MockCommand.class
                        .getDeclaredField("host")
                        .getAnnotation(CommandLine.Option.class)
                        .defaultValue())
                .isEqualTo("${env:FLIREO_HOST:-127.0.0.1}");
        assertThat(policy).contains("listen on 127.0.0.1 by default");
        assertThat(policy)
                .contains("nested deeper than " + RequestJson.MAX_DEPTH + " levels")
                .contains("within " + MockOptions.DEFAULT_HEADER_TIMEOUT.toSeconds() + " s in all")
                .contains("within " + MockOptions.DEFAULT_BODY_TIMEOUT.toSeconds() + " s after them");
        assertThat(Files.readString(Path.of("../README.md"))).contains("(SECURITY.md)");
    }
}
