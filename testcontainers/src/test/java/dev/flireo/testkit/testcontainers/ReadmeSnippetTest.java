package dev.flireo.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.testsupport.SnippetCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README cannot rot: its Java compiles as shown, and its image tag is the one the container uses. */
class ReadmeSnippetTest {

    @Test
    void everyJavaSnippetOfTheReadmeCompilesAsShownWithItsImports() throws IOException {
        List<String> blocks = SnippetCompiler.javaBlocks(Files.readString(Path.of("README.md")));

        assertThat(blocks).isNotEmpty();
        assertThat(blocks)
                .allSatisfy(block ->
                        assertThat(SnippetCompiler.errors(block)).as(block).isEmpty());
    }

    @Test
    void theTestcontainersSnippetOfTheAddToYourProjectPageCompiles() throws IOException {
        List<String> blocks =
                SnippetCompiler.javaBlocks(Files.readString(Path.of("../docs/add-to-your-project.md"))).stream()
                        .filter(block -> block.contains("import org.testcontainers."))
                        .toList();

        assertThat(blocks).hasSize(1);
        assertThat(SnippetCompiler.errors(blocks.get(0))).as(blocks.get(0)).isEmpty();
    }

    @Test
    void theRootReadmesDockerBuildTagsTheImageTheContainerUsesByDefault() throws IOException {
        Matcher build =
                Pattern.compile("docker build -t (\\S+) \\.").matcher(Files.readString(Path.of("../README.md")));

        assertThat(build.find())
                .as("a `docker build -t IMAGE .` in the root README")
                .isTrue();
        assertThat(build.group(1)).isEqualTo(FlireoMockContainer.DEFAULT_IMAGE_NAME.asCanonicalNameString());
    }
}
