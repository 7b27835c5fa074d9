package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlireoCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FlireoCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionNamesTheToolkitAndItsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("flireo ").doesNotContain("unknown");
    }

    @Test
    void helpListsTheOpenapiCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: flireo", "openapi");
    }

    @Test
    void openapiListShowsOperationsWebhooksAndTheirSource() {
        assertThat(run("openapi", "--list")).isZero();
        assertThat(out.toString())
                .contains("flireo-api.yaml", "voicedock-webhooks.yaml", "flireo-legacy-nl.yaml")
                .containsPattern("POST +/calls/outbound +createOutboundCall +seen")
                .containsPattern("POST +webhook tool-calls +\\S+ +seen")
                .contains("(deprecated)");
    }

    @Test
    void openapiWriteSavesEveryBundledSpec(@TempDir Path dir) {
        assertThat(run("openapi", "--write", dir.toString())).isZero();
        assertThat(dir.resolve("flireo-api.yaml")).content().startsWith("openapi: 3.1.0");
        assertThat(dir.resolve("voicedock-webhooks.yaml")).exists();
        assertThat(dir.resolve("flireo-legacy-nl.yaml")).exists();
    }

    @Test
    void listAndWriteCannotBeCombined(@TempDir Path dir) {
        assertThat(run("openapi", "--list", "--write", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("fly")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument", "fly");
    }
}
