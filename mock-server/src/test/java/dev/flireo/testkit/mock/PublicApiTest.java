package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Public API" paragraph lists exactly the public types of the package (nested ones included), so
 * neither can drift.
 */
class PublicApiTest {

    @Test
    void theReadmeListsEveryPublicTypeOfThePackageAndNoOther() throws IOException, URISyntaxException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher paragraph = Pattern.compile("\\*\\*Public API\\.\\*\\*(.*?)\\n\\n", Pattern.DOTALL)
                .matcher(readme);
        assertThat(paragraph.find())
                .as("README.md has a **Public API.** paragraph")
                .isTrue();
        String listed = paragraph.group(1).substring(0, paragraph.group(1).indexOf("dev.flireo.testkit.mock.internal"));

        Set<String> named = new TreeSet<>();
        Matcher code = Pattern.compile("`@?([A-Z][A-Za-z]+)`").matcher(listed);
        while (code.find()) {
            named.add(code.group(1));
        }
        named.remove("Delivery"); // the simulator's type, named for where deliveries come from

        assertThat(named).isEqualTo(publicTypes());
    }

    private static Set<String> publicTypes() throws IOException, URISyntaxException {
        Path classes = Path.of(FlireoMockServer.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("dev/flireo/testkit/mock");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.map(Path::getFileName).toList()) {
                String name = file.toString();
                if (name.endsWith(".class")) {
                    Class<?> type = load("dev.flireo.testkit.mock." + name.substring(0, name.length() - 6));
                    if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass()) {
                        out.add(type.getSimpleName());
                    }
                }
            }
        }
        return out;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
