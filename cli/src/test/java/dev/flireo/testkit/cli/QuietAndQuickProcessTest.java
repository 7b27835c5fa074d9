package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A mock start prints its banner and nothing else; listing the operations parses no spec. */
class QuietAndQuickProcessTest {

    @Test
    void theMockPrintsItsBannerAndNothingFromJettyOrWireMock() throws Exception {
        try (FlireoProcess mock = FlireoProcess.start("mock", "--port", "0", "--no-demo-data")) {
            mock.awaitApiUrl();

            assertThat(mock.err()).isEmpty();
            assertThat(mock.out().lines().toList()).first().asString().startsWith("Flireo mock is running");
            assertThat(mock.out())
                    .doesNotContainIgnoringCase("jetty")
                    .doesNotContain("INFO")
                    .doesNotContain("deprecat");
        }
    }

    @Test
    void listingTheOperationsLoadsNoSpecParser() throws Exception {
        Path classes = Files.createTempFile("flireo-classes-", ".log");
        Path out = Files.createTempFile("flireo-list-", ".out");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classes,
                "-cp",
                System.getProperty("java.class.path"),
                FlireoCli.class.getName(),
                "openapi",
                "--list");
        Process list = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectErrorStream(true)
                .start();

        assertThat(list.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(list.exitValue()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .startsWith("flireo-api.yaml (")
                .contains("createAssistant");
        // swagger-parser takes a cold JVM seconds: the build's operation index makes it unnecessary.
        assertThat(Files.readString(classes, StandardCharsets.UTF_8)).doesNotContain("io.swagger");
        Files.delete(classes);
        Files.delete(out);
    }
}
