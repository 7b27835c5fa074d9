package dev.flireo.testkit.cli;

import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flireo verify-signature}: whether a delivery's signature is genuine, and if not, why. */
@Command(
        name = "verify-signature",
        mixinStandardHelpOptions = true,
        description = "Check the X-Webhook-Signature of a delivery against its body, secret and timestamp.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the signature is genuine",
            "1:it is not (the reason is printed)",
            "2:bad usage or unreadable file"
        })
final class VerifySignatureCommand implements Callable<Integer> {

    @Option(names = "--secret", required = true, paramLabel = "SECRET", description = "The assistant's webhook_secret.")
    String secret;

    @Option(
            names = "--timestamp",
            required = true,
            paramLabel = "SECONDS",
            description = "The X-Webhook-Timestamp value as received.")
    String timestamp;

    @Option(
            names = "--signature",
            required = true,
            paramLabel = "SIG",
            description = "The X-Webhook-Signature value as received, with or without sha256=.")
    String signature;

    @Option(
            names = "--tolerance",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description =
                    "Maximum age (or lead) of the timestamp in seconds; 0 skips the check. Default: ${DEFAULT-VALUE}.")
    long tolerance;

    @Parameters(paramLabel = "FILE", description = "The raw request body, or - for standard input.")
    String file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    InputStream stdin = System.in;
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        if (tolerance < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tolerance must be 0 or more seconds");
        }
        byte[] body;
        try {
            body = BodyFile.read(file, stdin);
        } catch (IOException e) {
            spec.commandLine().getErr().println("flireo verify-signature: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        SignatureCheck check = WebhookSignature.verifier(secret)
                .tolerance(Duration.ofSeconds(tolerance))
                .clock(clock)
                .verify(signature, timestamp, body);
        PrintWriter out = spec.commandLine().getOut();
        if (check.valid()) {
            out.println("genuine: " + check.message());
            return 0;
        }
        out.println("rejected (" + check.reason() + "): " + check.message());
        return 1;
    }
}
