package dev.flireo.testkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flireo} command: one entry point for every tool of the kit. */
@Command(
        name = "flireo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Contract tests, a mock server and a webhook simulator for the Flireo AI voice-agent platform.",
        subcommands = {
            OpenApiCommand.class,
            ValidateCommand.class,
            SignCommand.class,
            VerifySignatureCommand.class,
            ScenariosCommand.class,
            ReplayCommand.class,
            MockCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Run 'flireo help COMMAND' for a command's options."})
public final class FlireoCli implements Runnable {

    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // With fewer than three cores CompletableFuture's default pool starts a thread per task, and java.net.http
        // completes every response through it; two common-pool workers keep `flireo replay` fast on small machines.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(
                    COMMON_POOL_PARALLELISM,
                    Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    static CommandLine commandLine() {
        return new CommandLine(new FlireoCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
