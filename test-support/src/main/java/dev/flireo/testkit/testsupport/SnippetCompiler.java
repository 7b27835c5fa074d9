package dev.flireo.testkit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a Markdown file's {@code java} code blocks, each as a whole source file, against the test classpath, so
 * that a README's examples cannot rot.
 */
public final class SnippetCompiler {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE_NAME =
            Pattern.compile("(?m)^(?:public )?(?:final )?(?:class|record|interface) (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    private SnippetCompiler() {}

    public static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** The compiler's errors for one block, empty when it compiles. */
    public static List<String> errors(String source) {
        return compile(source, outputDirectory("snippets"));
    }

    /**
     * Compiles one block into a directory of its own and loads its (first) type, to run it; fails naming the
     * compiler's errors.
     */
    public static Class<?> load(String source) {
        Path classes = outputDirectory("snippets-" + System.nanoTime());
        List<String> errors = compile(source, classes);
        if (!errors.isEmpty()) {
            throw new AssertionError("the snippet does not compile: " + errors + "\n" + source);
        }
        try {
            URLClassLoader loader = new URLClassLoader(
                    new java.net.URL[] {classes.toUri().toURL()}, SnippetCompiler.class.getClassLoader());
            return Class.forName(qualifiedName(source), true, loader);
        } catch (MalformedURLException | ClassNotFoundException e) {
            throw new IllegalStateException("compiled, but cannot load " + qualifiedName(source), e);
        }
    }

    private static List<String> compile(String source, Path classes) {
        JavaFileObject file =
                new SimpleJavaFileObject(
                        URI.create("string:///" + typeName(source) + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> options =
                List.of("-proc:none", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"));
        javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                .toList();
    }

    private static String typeName(String source) {
        Matcher type = TYPE_NAME.matcher(source);
        return type.find() ? type.group(1) : "Snippet";
    }

    private static String qualifiedName(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        return (pkg.find() ? pkg.group(1) + "." : "") + typeName(source);
    }

    private static Path outputDirectory(String name) {
        try {
            return Files.createDirectories(Path.of("target", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
