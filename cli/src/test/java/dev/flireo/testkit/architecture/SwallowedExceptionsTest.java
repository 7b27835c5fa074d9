package dev.flireo.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No catch block in any module's main code (the examples' too) swallows its exception: see {@link CatchBlocks}. */
class SwallowedExceptionsTest {

    private static final List<String> MODULES = List.of(
            "openapi",
            "contracts",
            "webhook-simulator",
            "webhook-receiver",
            "mock-server",
            "cli",
            "testcontainers",
            "test-support",
            "examples/clinic-booking",
            "examples/spring-booking");
    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", ".git", ".mvn");

    @Test
    void noMainCodeSwallowsAnException() throws IOException {
        List<Path> sources = mainSources();
        List<String> found = new ArrayList<>();
        for (Path file : sources) {
            String relative = root().relativize(file).toString().replace('\\', '/');
            CatchBlocks.swallowed(Files.readString(file, StandardCharsets.UTF_8))
                    .forEach(hit -> found.add(relative + " " + hit));
        }

        assertThat(MODULES)
                .allMatch(
                        module -> sources.stream().anyMatch(file -> file.startsWith(root().resolve(module))),
                        "has main sources scanned");
        assertThat(found).as("catch blocks that swallow their exception").isEmpty();
    }

    @Test
    void anEmptyCatchBlockSwallows() {
        assertThat(CatchBlocks.swallowed("class A { void a() { try { b(); } catch (IllegalStateException e) {} } }"))
                .containsExactly("line 1: catch (IllegalStateException e)");
        assertThat(CatchBlocks.swallowed("""
                class A {
                    void a() {
                        try { b(); } catch (final IOException | IllegalStateException e) {
                            // a comment is not handling
                        }
                    }
                }
                """))
                .containsExactly("line 3: catch (final IOException | IllegalStateException e)");
    }

    @Test
    void aCatchBlockThatDoesSomethingHandles() {
        assertThat(CatchBlocks.swallowed("""
                class A {
                    int a(String s) {
                        try { return Integer.parseInt(s); } catch (NumberFormatException e) { return 0; }
                    }
                    void b() {
                        try { c("{"); } catch (RuntimeException e) { throw new IllegalStateException("}", e); }
                    }
                }
                """)).isEmpty();
    }

    @Test
    void onlyANarrowExceptionCalledIgnoredMayBeDroppedAndOnlyWithAReason() {
        assertThat(CatchBlocks.swallowed("""
                class A {
                    void a() {
                        try { b(); } catch (IOException ignored) {
                            // best effort: the directory cannot be opened on Windows
                        }
                        try { b(); } catch (IOException ignored) {}
                        try { b(); } catch (RuntimeException ignored) { /* never for a broad type */ }
                    }
                }
                """))
                .containsExactly("line 6: catch (IOException ignored)", "line 7: catch (RuntimeException ignored)");
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return NOT_SOURCES.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = file.toString().replace('\\', '/');
                if (path.endsWith(".java") && path.contains("/src/main/java/")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Surefire runs in the cli module's directory; the repository root is its parent. */
    private static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("mock-server"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }
}
