package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlireoCliTest {

    private final CliRun cli = new CliRun();

    @Test
    void versionNamesTheToolkitAndItsVersion() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).startsWith("flireo ").doesNotContain("unknown");
    }

    @Test
    void helpListsTheOpenapiCommand() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("Usage: flireo", "openapi");
    }

    @Test
    void openapiListShowsOperationsWebhooksAndTheirSource() {
        assertThat(cli.run("openapi", "--list")).isZero();
        assertThat(cli.out())
                .contains("flireo-api.yaml", "voicedock-webhooks.yaml", "flireo-legacy-nl.yaml")
                .containsPattern("POST +/calls/outbound +createOutboundCall +seen")
                .containsPattern("POST +webhook tool-calls +\\S+ +seen")
                .contains("(deprecated)");
    }

    @Test
    void openapiWriteSavesEveryBundledSpec(@TempDir Path dir) {
        assertThat(cli.run("openapi", "--write", dir.toString())).isZero();
        assertThat(dir.resolve("flireo-api.yaml")).content().startsWith("openapi: 3.1.0");
        assertThat(dir.resolve("voicedock-webhooks.yaml")).exists();
        assertThat(dir.resolve("flireo-legacy-nl.yaml")).exists();
    }

    @Test
    void listAndWriteCannotBeCombined(@TempDir Path dir) {
        assertThat(cli.run("openapi", "--list", "--write", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("mutually exclusive");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(cli.run("fly")).isEqualTo(2);
        assertThat(cli.err()).contains("Unmatched argument", "fly");
    }
}
