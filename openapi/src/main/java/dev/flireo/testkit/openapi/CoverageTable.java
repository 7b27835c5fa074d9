package dev.flireo.testkit.openapi;

import java.util.List;

/** Renders {@code openapi/COVERAGE.md}: one row per operation and webhook of every bundled spec. */
public final class CoverageTable {

    private CoverageTable() {}

    public static String render() {
        StringBuilder md = new StringBuilder()
                .append("# Spec coverage\n\n")
                .append("Generated from the bundled OpenAPI documents by `CoverageTableTest`; do not edit by hand.\n")
                .append("Run `mvn -pl openapi test -Dflireo.coverage.update=true` after changing a spec.\n")
                .append(
                        "`x-source` says whether the operation was seen in the vendor's documents or SDK, or inferred.\n")
                .append("\nWhere sources disagree on a wire shape, the stronger one wins, in this order:\n\n")
                .append(
                        "1. the vendor SDK's newest release, v2.2.0 (2026-10-02, `flireo-bv-org/hmsovereign-node`), and the\n")
                .append(
                        "   operation list of the platform's published OpenAPI bundle (`doc.voicedock.ai/openapi.bundled.json`,\n")
                .append("   the SDK's `tests/fixtures/api-operations.json`);\n")
                .append("2. SDK v1.0.1, where v2.2.0 is silent;\n")
                .append("3. the HMS Sovereign / VoiceDock pages;\n")
                .append("4. the Flireo pages;\n")
                .append("5. inference.\n\n")
                .append(
                        "Requests follow what v2.2.0 sends and answers what it reads; spellings of weaker sources that cannot\n")
                .append("be confused stay accepted in requests (`x-aliases`).\n");
        for (SpecDocument doc : SpecDocument.values()) {
            List<SpecOperation> ops = FlireoSpecs.operations(doc);
            long seen = ops.stream().filter(op -> "seen".equals(op.source())).count();
            md.append("\n## ")
                    .append(doc.fileName())
                    .append("\n\n")
                    .append(doc.title())
                    .append(": ")
                    .append(ops.size())
                    .append(" entries, ")
                    .append(seen)
                    .append(" seen, ")
                    .append(ops.size() - seen)
                    .append(" inferred.\n\n")
                    .append("| kind | method | path | operationId | x-source | source |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (SpecOperation op : ops) {
                md.append("| ")
                        .append(op.kind() == SpecOperation.Kind.WEBHOOK ? "webhook" : "operation")
                        .append(" | ")
                        .append(op.method())
                        .append(" | `")
                        .append(op.path())
                        .append('`')
                        .append(" | ")
                        .append(op.operationId())
                        .append(op.deprecated() ? " (deprecated)" : "")
                        .append(" | ")
                        .append(op.source())
                        .append(" | ")
                        .append(cell(op.sourceRef()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ").strip();
    }
}
