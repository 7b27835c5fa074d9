package dev.flireo.testkit.openapi.internal;

import dev.flireo.testkit.openapi.SpecDocument;
import dev.flireo.testkit.openapi.SpecOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The operations of every bundled document as a small tab-separated file written at build time. Parsing the specs
 * with swagger-parser takes a cold JVM seconds; `flireo openapi --list` reads this index instead and answers in a
 * fraction of one. The build writes it from the parsed specs themselves, so it cannot go stale.
 */
public final class OperationIndex {

    public static final String RESOURCE = "openapi/operations.tsv";

    private OperationIndex() {}

    /** Build step: writes the index for {@code args[0]}, the module's classes folder. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]).resolve(RESOURCE), dev.flireo.testkit.openapi.FlireoSpecs::parsedOperations);
    }

    static void write(Path file, Function<SpecDocument, List<SpecOperation>> operations) throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (SpecDocument doc : SpecDocument.values()) {
            for (SpecOperation op : operations.apply(doc)) {
                tsv.append(String.join(
                                "\t",
                                op.document().name(),
                                op.kind().name(),
                                op.method(),
                                cell(op.path()),
                                cell(op.operationId()),
                                cell(op.summary()),
                                cell(op.source()),
                                cell(op.sourceRef()),
                                String.valueOf(op.deprecated())))
                        .append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, tsv, StandardCharsets.UTF_8);
    }

    /** The index's operations of one document, or null when the build wrote none (e.g. classes from an IDE). */
    public static List<SpecOperation> read(SpecDocument doc) {
        try (InputStream in = OperationIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            List<SpecOperation> ops = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", -1);
                if (f.length == 9 && f[0].equals(doc.name())) {
                    ops.add(new SpecOperation(
                            doc,
                            SpecOperation.Kind.valueOf(f[1]),
                            f[2],
                            value(f[3]),
                            value(f[4]),
                            value(f[5]),
                            value(f[6]),
                            value(f[7]),
                            Boolean.parseBoolean(f[8])));
                }
            }
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A cell holds no tab or line break; "\0" stands for null.
    private static String cell(String value) {
        return value == null
                ? "\\0"
                : value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String value(String cell) {
        if (cell.equals("\\0")) {
            return null;
        }
        StringBuilder out = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
