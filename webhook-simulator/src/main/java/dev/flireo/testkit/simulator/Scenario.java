package dev.flireo.testkit.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A scripted call sequence: which events the platform sends, what the agent and the caller say in between, and what
 * the receiver's replies must do. Built-in scenarios are bundled with the module; users write their own YAML files
 * in the same format (see the module README).
 */
public final class Scenario {

    /** The bundled scenarios, in the order {@code flireo scenarios} lists them. */
    public static final List<String> BUILT_IN_NAMES = List.of(
            "inbound-happy-path",
            "inbound-personalised",
            "inbound-rejected",
            "inbound-tool-calls",
            "inbound-error",
            "inbound-hangup-early",
            "outbound-happy-path",
            "outbound-voicemail",
            "outbound-no-answer",
            "call-transfer",
            "web-call",
            "campaign-batch");

    private final ScenarioSpec spec;
    private final String source;

    private Scenario(ScenarioSpec spec, String source) {
        this.spec = spec;
        this.source = source;
    }

    /** A built-in scenario by name. */
    public static Scenario named(String name) {
        Objects.requireNonNull(name, "name");
        if (!BUILT_IN_NAMES.contains(name)) {
            throw new ScenarioException("no built-in scenario '" + name + "'; built-in scenarios: "
                    + String.join(", ", BUILT_IN_NAMES) + " (or give a path to a .yaml file)");
        }
        String resource = "scenarios/" + name + ".yaml";
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml (built-in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario file; a mistake in it gives a {@link ScenarioException} naming the line. */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * A scenario file on the classpath, e.g. {@code "scenarios/refund.yaml"} from {@code src/test/resources}, so a
     * test finds it whatever the working directory (Maven runs a module's tests in the module's folder, an IDE
     * often in the project's). Loaded with the thread's context class loader, which sees the test's resources.
     */
    public static Scenario fromClasspath(String resource) {
        Objects.requireNonNull(resource, "resource");
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : Scenario.class.getClassLoader()).getResourceAsStream(path)) {
            if (in == null) {
                throw new ScenarioException("no scenario file '" + path + "' on the classpath (a test's own files"
                        + " belong in src/test/resources/" + path + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path + " (classpath)");
        } catch (IOException e) {
            throw new ScenarioException(
                    "cannot read scenario file " + path + " from the classpath: " + e.getMessage(), e);
        }
    }

    /** A scenario from YAML text; {@code source} names it in error messages. */
    public static Scenario parse(String yaml, String source) {
        return new Scenario(ScenarioParser.parse(yaml, source), source);
    }

    /** A built-in name, or else a path to a YAML file. */
    public static Scenario resolve(String nameOrFile) {
        if (BUILT_IN_NAMES.contains(nameOrFile)) {
            return named(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (Files.exists(file) || nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml")) {
            return load(file);
        }
        return named(nameOrFile);
    }

    public static List<Scenario> builtIns() {
        return BUILT_IN_NAMES.stream().map(Scenario::named).toList();
    }

    public String name() {
        return spec.name();
    }

    public String description() {
        return spec.description();
    }

    public CallType callType() {
        return spec.callType();
    }

    /** How many calls the scenario plays in parallel (more than one for campaigns). */
    public int calls() {
        return spec.calls();
    }

    /** The same scenario with another number of parallel calls, e.g. a campaign of 1,000 leads. */
    public Scenario withCalls(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a scenario needs at least 1 call, got " + count);
        }
        return new Scenario(spec.withCalls(count), source);
    }

    /** The file or built-in the scenario came from. */
    public String source() {
        return source;
    }

    ScenarioSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return name();
    }
}
