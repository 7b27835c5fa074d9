package dev.flireo.testkit.cli;

import dev.flireo.testkit.openapi.FlireoSpecs;
import dev.flireo.testkit.openapi.SpecDocument;
import dev.flireo.testkit.openapi.SpecOperation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flireo openapi}: lists the operations of the bundled specs, or writes the specs to a folder. */
@Command(
        name = "openapi",
        mixinStandardHelpOptions = true,
        description = "List the operations of the bundled OpenAPI specs, or write the specs to a folder.")
final class OpenApiCommand implements Runnable {

    @CommandLine.ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--list", description = "List every operation and webhook with its x-source.")
        boolean list;

        @Option(names = "--write", paramLabel = "DIR", description = "Write the bundled spec files into DIR.")
        Path dir;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (action != null && action.dir != null) {
            FlireoSpecs.writeTo(action.dir).forEach(p -> out.println("wrote " + p));
        } else if (action != null && action.list) {
            list(out);
        } else {
            for (SpecDocument doc : SpecDocument.values()) {
                out.printf("%-26s %s%n", doc.fileName(), doc.title());
            }
            out.println();
            out.println("Use --list to see their operations, --write DIR to save them.");
        }
    }

    private static void list(PrintWriter out) {
        for (SpecDocument doc : SpecDocument.values()) {
            List<SpecOperation> ops = FlireoSpecs.operations(doc);
            out.printf("%s (%d)%n", doc.fileName(), ops.size());
            for (SpecOperation op : ops) {
                String where = op.kind() == SpecOperation.Kind.WEBHOOK ? "webhook " + op.path() : op.path();
                out.printf(
                        "  %-7s %-44s %-34s %s%s%n",
                        op.method(), where, op.operationId(), op.source(), op.deprecated() ? " (deprecated)" : "");
            }
        }
    }
}
