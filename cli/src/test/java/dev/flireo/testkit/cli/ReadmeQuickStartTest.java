package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ./flireo} command of the root README's quick start is one this CLI accepts: the command exists and
 * so does every option. ({@code ./flireo example} is the launcher's, checked by the example's own tests.)
 */
class ReadmeQuickStartTest {

    @Test
    void everyQuickStartCommandParses() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String quickStart = readme.substring(
                readme.indexOf("## Quick start"), readme.indexOf("\n## ", readme.indexOf("## Quick start") + 1));
        List<String> commands = quickStart
                .lines()
                .filter(line -> line.startsWith("./flireo ") && !line.startsWith("./flireo example "))
                .map(line -> line.replaceAll("\\s+#.*", "").substring("./flireo ".length()))
                .toList();

        assertThat(commands).hasSizeGreaterThanOrEqualTo(4);
        assertThat(commands)
                .allSatisfy(
                        command -> assertThatCode(() -> FlireoCli.commandLine().parseArgs(command.split(" ")))
                                .as(command)
                                .doesNotThrowAnyException());
    }
}
