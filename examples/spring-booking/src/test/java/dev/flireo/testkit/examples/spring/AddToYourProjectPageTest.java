package dev.flireo.testkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.testsupport.SnippetCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/add-to-your-project.md cannot rot: its Java compiles as shown against what a Spring Boot project has (the
 * Testcontainers snippet is compiled by the testcontainers module), and every artifact it names is in the BOM.
 */
class AddToYourProjectPageTest {

    private static final Path PAGE = Path.of("../../docs/add-to-your-project.md");

    @Test
    void everyJavaSnippetCompilesAsShownWithItsImports() throws IOException {
        List<String> blocks = SnippetCompiler.javaBlocks(Files.readString(PAGE)).stream()
                .filter(block -> !block.contains("import org.testcontainers."))
                .toList();

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(blocks)
                .allSatisfy(block ->
                        assertThat(SnippetCompiler.errors(block)).as(block).isEmpty());
    }

    @Test
    void everyArtifactItNamesIsInTheBom() throws IOException {
        String page = Files.readString(PAGE);
        String bom = Files.readString(Path.of("../../bom/pom.xml"));
        Matcher named = Pattern.compile("(?:<artifactId>|dev\\.flireo\\.testkit:)(flireo-[a-z-]+)")
                .matcher(page);
        int count = 0;
        while (named.find()) {
            count++;
            String artifact = named.group(1);
            assertThat(artifact.equals("flireo-testkit-bom")
                            || bom.contains("<artifactId>" + artifact + "</artifactId>"))
                    .as(artifact + " is managed by flireo-testkit-bom")
                    .isTrue();
        }
        assertThat(count).isGreaterThanOrEqualTo(8);
    }
}
