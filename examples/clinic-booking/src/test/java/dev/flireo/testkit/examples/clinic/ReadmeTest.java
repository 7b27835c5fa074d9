package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Java snippets of this README and of the root README are copied from these tests; this keeps them so. */
class ReadmeTest {

    private static final Path ROOT_README = Path.of("../../README.md");
    private static final Path README = Path.of("README.md");
    private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(flireo-[a-z-]+)</artifactId>");

    @Test
    void everyJavaSnippetIsInATest() throws IOException {
        String tests = squeeze(testSources());

        for (Path readme : List.of(ROOT_README, README)) {
            List<String> snippets = blocks(Files.readString(readme), JAVA);
            assertThat(snippets).as(readme.toString()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(snippets)
                    .allSatisfy(snippet -> assertThat(tests)
                            .as(readme + " snippet:\n" + snippet)
                            .contains(squeeze(snippet)));
        }
    }

    @Test
    void theDependenciesOfTheJUnitQuickStartAreTheOnesTheseTestsUse() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> artifacts = blocks(Files.readString(ROOT_README), ARTIFACT);

        assertThat(artifacts).containsExactly("flireo-mock-server", "flireo-webhook-simulator");
        assertThat(artifacts)
                .allSatisfy(artifact -> assertThat(squeeze(pom))
                        .contains(squeeze("<artifactId>" + artifact + "</artifactId><scope>test</scope>")));
    }

    @Test
    void everyCommandThatStartsTheExampleParses() throws IOException {
        List<String> commands = new ArrayList<>();
        for (Path readme : List.of(ROOT_README, README)) {
            Files.readAllLines(readme).stream()
                    .filter(line -> line.startsWith("./flireo example clinic "))
                    .forEach(commands::add);
        }

        assertThat(commands).hasSizeGreaterThanOrEqualTo(2);
        assertThat(commands).allSatisfy(line -> {
            List<String> args = List.of(line.replaceAll("\\s+#.*", "")
                    .substring("./flireo example clinic ".length())
                    .split(" "));
            assertThat(Settings.parse(args, Map.of()).webhookSecret()).isNotBlank();
        });
    }

    @Test
    void theReplayIsSignedWithTheSecretTheExampleChecksAndFindsItOpenAtAnyHour() throws IOException {
        for (Path readme : List.of(ROOT_README, README)) {
            String text = Files.readString(readme);
            assertThat(text)
                    .as(readme.toString())
                    .contains(
                            "./flireo example clinic --webhook-secret whsec_demo --api-key fl_demo --opening-hours always ")
                    .contains(
                            "./flireo replay inbound-tool-calls --target http://127.0.0.1:8081/webhooks --secret whsec_demo ");
        }
    }

    private static List<String> blocks(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String testSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", "");
    }
}
