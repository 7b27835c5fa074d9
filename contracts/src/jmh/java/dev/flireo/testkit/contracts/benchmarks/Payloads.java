package dev.flireo.testkit.contracts.benchmarks;

import com.fasterxml.jackson.core.JsonPointer;
import dev.flireo.testkit.contracts.internal.SpecTrees;
import dev.flireo.testkit.openapi.SpecDocument;

/** The end-of-call-report payloads the benchmarks use, taken from the specs' documented examples. */
final class Payloads {

    private Payloads() {}

    /**
     * {@code flireo}: the documented Flireo report with a Dutch analysis (≈ 480 bytes); {@code voicedock}: the
     * VoiceDock report with the SDK's transcript, recording, end reason and times (≈ 760 bytes).
     */
    static String endOfCallReport(String dialect) {
        SpecDocument doc = dialect.equals("voicedock") ? SpecDocument.VOICEDOCK_WEBHOOKS : SpecDocument.FLIREO_API;
        String example = dialect.equals("voicedock") ? "sdkFieldsInferred" : "documented";
        return SpecTrees.tree(doc)
                .at(JsonPointer.compile("/webhooks/end-of-call-report/post/requestBody/content/"
                        + "application~1json/examples/" + example + "/value"))
                .toString();
    }
}
