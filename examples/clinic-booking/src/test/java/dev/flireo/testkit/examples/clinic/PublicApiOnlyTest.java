package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example uses the toolkit as an integrator can: no internal package, no shortcut through the toolkit's code. */
class PublicApiOnlyTest {

    @Test
    void noSourceImportsAnInternalPackageOfTheToolkit() throws IOException {
        assertThat(imports(Path.of("src"))).isNotEmpty().noneMatch(line -> line.contains(".internal."));
    }

    @Test
    void theServiceItselfUsesOnlyTheGeneratedClientAndTheSignatureCheck() throws IOException {
        assertThat(imports(Path.of("src/main/java")))
                .filteredOn(line -> line.startsWith("import dev.flireo.testkit.") && !line.contains(".examples."))
                .allMatch(line -> line.startsWith("import dev.flireo.testkit.openapi.client.")
                        || line.equals("import dev.flireo.testkit.contracts.WebhookSignature;")
                        || line.equals("import dev.flireo.testkit.contracts.SignatureCheck;"));
    }

    private static List<String> imports(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(PublicApiOnlyTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
