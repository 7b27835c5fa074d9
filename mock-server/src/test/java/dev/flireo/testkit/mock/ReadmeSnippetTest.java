package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.testsupport.SnippetCompiler;
import dev.flireo.testkit.testsupport.SnippetTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The READMEs cannot rot: the whole test classes they show compile and pass as a user's build would run them, and
 * the excerpts they quote from a test are in that test.
 */
class ReadmeSnippetTest {

    /** "From [`SomeTest`](src/test/java/.../SomeTest.java) ...:" and the java block that follows. */
    private static final Pattern QUOTED = Pattern.compile(
            "[Ff]rom \\[`(\\w+)`]\\((src/test/java/[\\w/]+\\.java)\\)(?:(?!```).)*?```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void theJUnit5ExampleCompilesAndPasses() throws IOException {
        assertPasses(wholeClass(Files.readString(Path.of("README.md")), "class OutboundCallTest"));
    }

    @Test
    void theWebhookReceiverExampleCompilesAndPasses() throws IOException {
        assertPasses(wholeClass(Files.readString(Path.of("../webhook-receiver/README.md")), "class ReceiverTest"));
    }

    @Test
    void everyExcerptQuotedFromATestIsInThatTest() throws IOException {
        Matcher quoted = QUOTED.matcher(Files.readString(Path.of("README.md")));
        int excerpts = 0;
        while (quoted.find()) {
            String test = code(Files.readString(Path.of(quoted.group(2))));
            for (String line : quoted.group(3).split("\n")) {
                String code = code(line).strip();
                if (!code.isEmpty() && !code.equals("...")) {
                    assertThat(test).as("README excerpt of " + quoted.group(1)).contains(code);
                }
            }
            excerpts++;
        }
        assertThat(excerpts).isGreaterThanOrEqualTo(2);
    }

    private static String wholeClass(String markdown, String declaration) {
        List<String> blocks = SnippetCompiler.javaBlocks(markdown).stream()
                .filter(b -> b.contains(declaration))
                .toList();
        assertThat(blocks).as("a java block declaring " + declaration).hasSize(1);
        return blocks.get(0);
    }

    private static void assertPasses(String source) {
        TestExecutionSummary summary = SnippetTests.run(SnippetCompiler.load(source));
        assertThat(summary.getTestsFoundCount()).as("tests found").isPositive();
        assertThat(summary.getTestsSucceededCount())
                .as(SnippetTests.failures(summary))
                .isEqualTo(summary.getTestsFoundCount());
    }

    /** Code without its end-of-line comment, which a README may add to explain a line. */
    private static String code(String text) {
        return text.replaceAll("(?m)\\s*// .*$", "");
    }
}
