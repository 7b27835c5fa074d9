package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java example is the acceptance test's code, so it cannot rot. */
class ReadmeTest {

    @Test
    void theJavaApiExampleIsCopiedFromTheAcceptanceTest() throws Exception {
        List<String> test = Files.readAllLines(
                Path.of("src/test/java/dev/flireo/testkit/simulator/WebhookSimulatorAcceptanceTest.java"));
        int from = indexOf(test, "// README: java-api") + 1;
        int to = indexOf(test, "// README: end");
        String snippet = test.subList(from, to).stream()
                .map(line -> line.length() >= 12 ? line.substring(12) : line.strip())
                .collect(Collectors.joining("\n"));

        String readme = Files.readString(Path.of("README.md"));
        String block = readme.substring(readme.indexOf("<!-- java-api -->"), readme.indexOf("<!-- /java-api -->"));

        assertThat(block).contains("```java\n" + snippet + "\n```");
    }

    @Test
    void theReadmeListsEveryBuiltInScenario() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(Scenario.BUILT_IN_NAMES)
                .allSatisfy(name -> assertThat(readme).contains("| `" + name + "` |"));
    }

    @Test
    void theReadmeStatesTheReplyLimitTheSenderApplies() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme)
                .contains("| reply body | at most " + ExchangeFailure.size(WebhookSender.MAX_REPLY_BYTES)
                        + " (`WebhookSender.MAX_REPLY_BYTES`) is read");
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker " + marker + " not found");
    }
}
