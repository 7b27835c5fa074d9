package dev.flireo.testkit.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flireo.testkit.openapi.SpecDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled specs as JSON. Reading the 9,000-line YAML costs a cold JVM over half a second, JSON a tenth of
 * that, so the build writes a JSON copy of each document next to the classes ({@link #main}) and every reader of
 * the specs (contracts, the mock's route table) parses that copy, once.
 */
public final class SpecJson {

    static final String RESOURCE_DIR = "openapi/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecJson() {}

    /** Build step: writes {@code openapi/<name>.json} for each bundled document into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]).resolve(RESOURCE_DIR));
        for (SpecDocument doc : SpecDocument.values()) {
            Files.write(dir.resolve(jsonName(doc)), JSON.writeValueAsBytes(fromYaml(doc)));
        }
    }

    /** The JSON form of a document: the build's copy, or (classes compiled by an IDE) its YAML converted. */
    public static byte[] bytes(SpecDocument doc) {
        try (InputStream in = SpecJson.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + jsonName(doc))) {
            return in != null ? in.readAllBytes() : JSON.writeValueAsBytes(fromYaml(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document parsed from {@link #bytes}. */
    public static JsonNode tree(SpecDocument doc) {
        try {
            return JSON.readTree(bytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled spec " + doc.fileName() + " is not valid JSON", e);
        }
    }

    private static JsonNode fromYaml(SpecDocument doc) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(doc.read());
    }

    static String jsonName(SpecDocument doc) {
        return doc.fileName().replaceAll("\\.yaml$", ".json");
    }
}
