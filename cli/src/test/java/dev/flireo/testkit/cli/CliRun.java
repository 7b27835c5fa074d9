package dev.flireo.testkit.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the {@code flireo} command line in-process, with standard input and captured output. */
final class CliRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

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

    /** Runs a long-lived command (e.g. {@code mock}) on its own thread until it prints {@code ready}; interrupt stops it. */
    Thread runInBackground(String ready, String... args) throws InterruptedException {
        Thread thread = new Thread(() -> run(args), "flireo-cli-background");
        thread.start();
        awaitOutput(ready);
        return thread;
    }

    /** Waits, at most 20 s, until the command has printed {@code text}. */
    void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' not printed within 20 s; printed:\n" + out() + err());
            }
            Thread.sleep(20);
        }
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
