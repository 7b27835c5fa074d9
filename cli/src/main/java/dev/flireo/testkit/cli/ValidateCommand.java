package dev.flireo.testkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.cli.ValidationInputs.Document;
import dev.flireo.testkit.cli.ValidationInputs.UnreadableInput;
import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.ValidationReport;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flireo validate}: checks webhook payloads, replies and recorded traffic against the contracts. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check webhook payloads (or, with --reply, the replies to them) against the contracts.",
            "Each PATH is a JSON file (one payload or an array), NDJSON, a HAR recording, a folder of those, or - "
                    + "for standard input. The dialect and event type are detected unless --dialect says otherwise."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything is valid", "1:something is invalid", "2:bad usage or unreadable input"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, or - for standard input.")
    List<String> paths;

    @Option(
            names = "--dialect",
            paramLabel = "DIALECT",
            converter = DialectConverter.class,
            description = "Check against this dialect (flireo, voicedock, legacy) instead of detecting it; for a "
                    + "--reply, which carries no dialect marker, the best fit is taken and named without it.")
    Dialect dialect;

    @Option(
            names = "--reply",
            paramLabel = "EVENT",
            converter = EventTypeConverter.class,
            description = "The documents are replies to this event (assistant-request, tool-calls, ...).")
    EventType reply;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input, replaceable by tests. */
    InputStream stdin = System.in;

    private int valid;
    private int invalid;
    private int unreadable;
    private int skipped;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String argument : paths) {
            try {
                for (Path file : ValidationInputs.expand(argument)) {
                    validateFile(file, out, err);
                }
            } catch (UnreadableInput e) {
                unread(e, err);
            }
        }
        out.println(summary());
        if (unreadable > 0 || valid + invalid == 0) {
            return 2;
        }
        return invalid > 0 ? 1 : 0;
    }

    private void validateFile(Path file, PrintWriter out, PrintWriter err) {
        try {
            for (Document document : ValidationInputs.read(file, stdin)) {
                if (document.har()) {
                    HarChecks har = HarChecks.of(document.label(), document.value(), dialect);
                    har.checks()
                            .forEach(check -> print(check.label(), check.run().get(), out));
                    skipped += har.skipped();
                } else {
                    print(document.label(), check(document.value()), out);
                }
            }
        } catch (UnreadableInput e) {
            unread(e, err);
        }
    }

    private ValidationReport check(JsonNode value) {
        if (reply != null) {
            return replyCheck(value);
        }
        return dialect != null ? Contracts.of(dialect).validateEvent(value) : Contracts.validate(value);
    }

    /**
     * A reply carries no dialect marker: without --dialect, the dialect whose contract it fits best is taken, and
     * {@link #replyNote} says so, with how the other dialects judge it.
     */
    private ValidationReport replyCheck(JsonNode value) {
        replyNote = null;
        if (dialect != null) {
            return Contracts.of(dialect).validateReply(reply, value);
        }
        List<ValidationReport> all = Stream.of(Dialect.values())
                .map(d -> Contracts.of(d).validateReply(reply, value))
                .toList();
        ValidationReport best = all.stream()
                .min(Comparator.comparingInt((ValidationReport r) -> r.errors().size())
                        .thenComparingInt(r -> r.warnings().size()))
                .orElseThrow();
        String others = all.stream()
                .filter(r -> r != best)
                .map(r -> r.dialect().wireName() + " "
                        + (r.valid()
                                ? "valid"
                                : "invalid (" + r.errors().size() + (r.errors().size() == 1 ? " error)" : " errors)")))
                .collect(java.util.stream.Collectors.joining(", "));
        replyNote = "judged as a " + best.dialect().wireName() + " reply, the best fit, as no --dialect was given ("
                + others + "); --dialect flireo|voicedock|legacy judges by one";
        return best;
    }

    /** Set by {@link #replyCheck} when it chose the dialect itself. */
    private String replyNote;

    private void print(String label, ValidationReport report, PrintWriter out) {
        if (report.valid()) {
            valid++;
        } else {
            invalid++;
        }
        StringBuilder line = new StringBuilder(report.valid() ? "VALID    " : "INVALID  ").append(label);
        if (report.dialect() != null) {
            line.append("  ").append(report.dialect().wireName());
        }
        if (report.eventType() != null) {
            line.append(' ').append(report.eventType().wireName()).append(reply != null ? " reply" : "");
        }
        line.append(report.eventType() == null && report.dialect() != null ? " " + report.contract() : "");
        out.println(line);
        if (reply != null && replyNote != null) {
            out.println("         note     " + replyNote);
        }
        report.errors().forEach(error -> out.println("         error    " + error));
        report.warnings().forEach(warning -> out.println("         warning  " + warning));
    }

    private void unread(UnreadableInput e, PrintWriter err) {
        unreadable++;
        err.println("flireo validate: " + e.getMessage());
    }

    private String summary() {
        int items = valid + invalid;
        StringBuilder line = new StringBuilder()
                .append(items)
                .append(items == 1 ? " item: " : " items: ")
                .append(valid)
                .append(" valid, ")
                .append(invalid)
                .append(" invalid");
        if (unreadable > 0) {
            line.append(", ").append(unreadable).append(unreadable == 1 ? " unreadable input" : " unreadable inputs");
        }
        if (skipped > 0) {
            line.append(", ").append(skipped).append(" HAR entries skipped (not Flireo traffic)");
        }
        return line.toString();
    }

    static final class DialectConverter implements CommandLine.ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            return Dialect.fromWireName(value);
        }
    }

    static final class EventTypeConverter implements CommandLine.ITypeConverter<EventType> {
        @Override
        public EventType convert(String value) {
            return EventType.fromWireName(value);
        }
    }
}
