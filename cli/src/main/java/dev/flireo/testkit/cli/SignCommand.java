package dev.flireo.testkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flireo sign}: the delivery headers the platform would send with a body, to replay it against a receiver. */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = {
            "Print the X-Webhook-Event, X-Webhook-Timestamp and X-Webhook-Signature headers the platform "
                    + "sends with this body.",
            "The signature covers the file's bytes exactly (a trailing newline counts)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:headers printed", "2:bad usage, unreadable file, or no event type in the body"})
final class SignCommand implements Callable<Integer> {

    @Option(names = "--secret", required = true, paramLabel = "SECRET", description = "The assistant's webhook_secret.")
    String secret;

    @Option(names = "--timestamp", paramLabel = "SECONDS", description = "Unix seconds to sign with; default: now.")
    Long timestamp;

    @Option(
            names = "--event",
            paramLabel = "EVENT",
            converter = ValidateCommand.EventTypeConverter.class,
            description = "The event type, when the body does not say it (message.type or eventType).")
    EventType event;

    @Parameters(paramLabel = "FILE", description = "The request body, or - for standard input.")
    String file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    InputStream stdin = System.in;
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        byte[] body;
        try {
            body = BodyFile.read(file, stdin);
        } catch (IOException e) {
            err.println("flireo sign: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        Optional<EventType> type = Optional.ofNullable(event).or(() -> eventOf(body));
        if (type.isEmpty()) {
            err.println("flireo sign: " + file + " names no event type (message.type or eventType); pass --event");
            return 2;
        }
        long seconds = timestamp != null ? timestamp : clock.instant().getEpochSecond();
        PrintWriter out = spec.commandLine().getOut();
        out.println(WebhookSignature.EVENT_HEADER + ": " + type.get().wireName());
        out.println(WebhookSignature.TIMESTAMP_HEADER + ": " + seconds);
        out.println(WebhookSignature.SIGNATURE_HEADER + ": " + WebhookSignature.sign(secret, seconds, body));
        return 0;
    }

    private static Optional<EventType> eventOf(byte[] body) {
        try {
            JsonNode payload = ValidationInputs.JSON.readTree(body);
            JsonNode type = payload.path("message").path("type");
            String name =
                    type.isTextual() ? type.asText() : payload.path("eventType").asText(null);
            return Optional.of(EventType.fromWireName(name));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
