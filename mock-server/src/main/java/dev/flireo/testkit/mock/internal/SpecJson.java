package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flireo.testkit.openapi.SpecDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The served specs as JSON. Reading the 9,000-line YAML costs a cold JVM over half a second, JSON a tenth of
 * that, so the build writes a JSON copy of each spec next to the classes ({@link #main}) and the server reads it.
 */
public final class SpecJson {

    static final String RESOURCE_DIR = "flireo-mock/";

    private SpecJson() {
    }

    /** Build step: writes {@code <name>.json} for each served spec into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]).resolve(RESOURCE_DIR));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (SpecDocument doc : new SpecDocument[] {SpecDocument.FLIREO_API, SpecDocument.LEGACY_NL}) {
            Files.write(dir.resolve(jsonName(doc)), Json.MAPPER.writeValueAsBytes(yaml.readTree(doc.read())));
        }
    }

    /** The JSON copy of a spec, or null when the build did not write one (e.g. classes compiled by an IDE). */
    static InputStream open(SpecDocument doc) {
        return SpecJson.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + jsonName(doc));
    }

    private static String jsonName(SpecDocument doc) {
        return doc.fileName().replaceAll("\\.yaml$", ".json");
    }
}
