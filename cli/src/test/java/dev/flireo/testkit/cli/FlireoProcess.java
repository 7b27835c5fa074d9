package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code flireo} command line in a child JVM on the test's own classpath, so that a test can do what a shell or
 * a container runtime does to it: {@link #terminate} sends SIGTERM, {@link #kill} SIGKILL. Its output goes to files:
 * the JDK closes a child's pipes under a reading thread when the child exits, and the last lines would be lost.
 */
final class FlireoProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private FlireoProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static FlireoProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                FlireoCli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("flireo-process-", ".out");
        Path err = Files.createTempFile("flireo-process-", ".err");
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        return new FlireoProcess(
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start(),
                out,
                err);
    }

    /** Waits until standard output matches {@code regex}; returns its first group (or the whole match). */
    String await(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Matcher m = pattern.matcher(out());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return fail("no output matching " + regex + " within " + timeout + " (alive: " + process.isAlive()
                + ")\nstdout:\n" + out() + "\nstderr:\n" + err());
    }

    /** The mock's API base URL, once its whole banner is printed. */
    String awaitApiUrl() throws InterruptedException {
        await("Press Ctrl-C to stop", Duration.ofSeconds(60));
        return await("API:\\s+(http://\\S+)", Duration.ZERO);
    }

    /** SIGTERM, then the exit code; fails when the process is still alive after {@code timeout}. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("still running " + timeout + " after SIGTERM\nstdout:\n" + out() + "\nstderr:\n" + err());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, as when the machine or the container runtime kills the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("killed process exits")
                .isTrue();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // lenient: may end mid-character
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
