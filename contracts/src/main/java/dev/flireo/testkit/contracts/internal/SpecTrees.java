package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.FlireoSpecs;
import dev.flireo.testkit.openapi.SpecDocument;

/** The bundled OpenAPI documents as Jackson trees: the openapi module's, parsed once, the source of every contract. */
public final class SpecTrees {

    private SpecTrees() {}

    public static JsonNode tree(SpecDocument doc) {
        return FlireoSpecs.tree(doc);
    }

    /** The document a {@code $ref} names by file ({@code ./flireo-api.yaml}). */
    public static SpecDocument byFileName(String fileName) {
        String name = fileName.startsWith("./") ? fileName.substring(2) : fileName;
        for (SpecDocument doc : SpecDocument.values()) {
            if (doc.fileName().equals(name)) {
                return doc;
            }
        }
        throw new IllegalArgumentException("$ref to '" + fileName + "', which is not a bundled spec");
    }
}
