package dev.flireo.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Java examples of the module README are copied from the tests; this keeps them from drifting apart. */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaExampleOfTheReadmeIsInATest() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
            tests = squeeze(all.toString());
        }
        List<String> examples = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            if (!block.group(1).startsWith("// overview")) {
                examples.add(block.group(1));
            }
        }

        assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
        assertThat(examples).allSatisfy(example -> assertThat(tests).contains(squeeze(example)));
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", "");
    }
}
