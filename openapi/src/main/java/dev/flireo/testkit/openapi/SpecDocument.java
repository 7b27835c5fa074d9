package dev.flireo.testkit.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI documents bundled with the toolkit, one per API generation or webhook dialect. */
public enum SpecDocument {
    FLIREO_API("flireo-api.yaml", "Flireo AI REST API (/api/v1) and its webhooks in the camelCase dialect"),
    VOICEDOCK_WEBHOOKS("voicedock-webhooks.yaml", "VoiceDock / HMS Sovereign webhooks in the snake_case dialect"),
    LEGACY_NL("flireo-legacy-nl.yaml", "Legacy Dutch Flireo API (/v1) and its flat server events");

    static final String RESOURCE_DIR = "openapi/";

    private final String fileName;
    private final String title;

    SpecDocument(String fileName, String title) {
        this.fileName = fileName;
        this.title = title;
    }

    public String fileName() {
        return fileName;
    }

    public String title() {
        return title;
    }

    /** The document's YAML text, exactly as bundled. */
    public String read() {
        try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new IllegalStateException("Bundled spec missing from the classpath: " + RESOURCE_DIR + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
