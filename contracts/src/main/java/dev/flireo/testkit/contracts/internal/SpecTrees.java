package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flireo.testkit.openapi.SpecDocument;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled OpenAPI documents as Jackson trees, parsed once: the single source of every contract. */
public final class SpecTrees {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<SpecDocument, JsonNode> TREES = new ConcurrentHashMap<>();

    private SpecTrees() {
    }

    public static JsonNode tree(SpecDocument doc) {
        return TREES.computeIfAbsent(doc, d -> {
            try {
                return YAML.readTree(d.read());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("bundled spec " + d.fileName() + " is not valid YAML", e);
            }
        });
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
