package dev.flireo.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's example is the tagged region of a real test, word for word, so that it cannot rot. */
class ReadmeSnippetTest {

    @Test
    void readmeShowsTheContainerSnippetOfTheRealTest() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/flireo/testkit/testcontainers/FlireoMockContainerIT.java"));
        int start = test.indexOf('\n', test.indexOf("// tag::container[]")) + 1;
        int end = test.lastIndexOf('\n', test.indexOf("// end::container[]"));
        String snippet = test.substring(start, end).stripIndent().strip();

        assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + snippet + "\n```");
    }
}
