package dev.flireo.testkit.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the {@code flireo} command line in-process, with standard input and captured output. */
final class CliRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final AtomicInteger backgroundExit = new AtomicInteger(-1);
    private volatile Thread background;

    int run(String... args) {
        return runWithStdin("", args);
    }

    int runWithStdin(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = FlireoCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        } finally {
            System.setIn(original);
        }
    }

    /**
     * Runs a long-lived command (e.g. {@code mock}) on its own thread until it prints {@code ready}; interrupt stops
     * it, {@link #backgroundExit} then tells its exit code.
     */
    Thread runInBackground(String ready, String... args) throws InterruptedException {
        Thread thread = new Thread(() -> backgroundExit.set(run(args)), "flireo-cli-background");
        background = thread;
        thread.start();
        awaitOutput(ready);
        return thread;
    }

    /** The exit code of the command {@link #runInBackground} started; -1 while it runs. */
    int backgroundExit() {
        return backgroundExit.get();
    }

    /** Waits, at most 20 s, until the command has printed {@code text}; fails at once if it ended without. */
    void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out().contains(text)) {
            if (System.nanoTime() > deadline || background != null && !background.isAlive() && !out().contains(text)) {
                throw new AssertionError("'" + text + "' not printed; printed:\n" + out() + err());
            }
            Thread.sleep(20);
        }
    }

    /** The URL the command printed after {@code label}, e.g. {@code API:} in the mock's banner. */
    String printedUrl(String label) {
        Matcher url = Pattern.compile(label + ":\\s+(http://\\S+)").matcher(out());
        if (!url.find()) {
            throw new AssertionError("no " + label + " URL printed:\n" + out());
        }
        return url.group(1);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
