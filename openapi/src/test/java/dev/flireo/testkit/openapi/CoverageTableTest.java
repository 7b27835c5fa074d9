package dev.flireo.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps openapi/COVERAGE.md in step with the specs: it fails when the table is stale. */
class CoverageTableTest {

    private static final Path TABLE = Path.of("COVERAGE.md");

    @Test
    void coverageTableMatchesTheSpecs() throws IOException {
        String expected = CoverageTable.render();
        if (Boolean.getBoolean("flireo.coverage.update")) {
            Files.writeString(TABLE, expected, StandardCharsets.UTF_8);
        }

        assertThat(TABLE).as("openapi/COVERAGE.md exists").exists();
        assertThat(Files.readString(TABLE, StandardCharsets.UTF_8))
                .as("openapi/COVERAGE.md is stale: run mvn -pl openapi test -Dflireo.coverage.update=true")
                .isEqualTo(expected);
    }
}
