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
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'flireo help COMMAND' for a command's options."})
public final class FlireoCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
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
