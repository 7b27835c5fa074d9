package dev.flireo.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** flireo-testkit-bom has no parent, so nothing keeps it in step but this: its version and its artifact list. */
class BomTest {

    private static final Pattern VERSION =
            Pattern.compile("<artifactId>([^<]+)</artifactId>\\s*<version>([^<$]+)</version>");

    @Test
    void theBomHasTheToolkitsVersionAndListsEveryPublishedArtifact() throws IOException {
        String bom = Files.readString(Path.of("../bom/pom.xml"));
        String parent = Files.readString(Path.of("../pom.xml"));

        assertThat(version(bom, "flireo-testkit-bom")).isEqualTo(version(parent, "flireo-testkit-parent"));
        for (String artifact : List.of(
                "flireo-client",
                "flireo-openapi",
                "flireo-contracts",
                "flireo-webhook-receiver",
                "flireo-webhook-simulator",
                "flireo-mock-server",
                "flireo-testcontainers")) {
            assertThat(bom).as("the BOM manages " + artifact).contains("<artifactId>" + artifact + "</artifactId>");
        }
    }

    private static String version(String pom, String artifactId) {
        Matcher m = VERSION.matcher(pom);
        while (m.find()) {
            if (m.group(1).equals(artifactId)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no version for " + artifactId);
    }
}
