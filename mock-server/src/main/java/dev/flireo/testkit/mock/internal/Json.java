package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one ObjectMapper of the mock, and the small JSON helpers every handler needs. */
public final class Json {

    /** Refuses trailing content after the value ({@code {"a":1} x}), as JSON.parse does. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The documented timestamp form: ISO 8601 with milliseconds and a {@code Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static ObjectNode object(String key, JsonNode value) {
        ObjectNode node = object();
        node.set(key, value);
        return node;
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /**
     * A parse error as a client may read it: the problem and where it is, without the Jackson class Jackson names
     * when a document exceeds its limits (e.g. nesting deeper than 1000 levels), and without a position when
     * Jackson has none.
     */
    public static String describe(IOException e) {
        if (!(e instanceof JsonProcessingException json)) {
            return String.valueOf(e.getMessage()); // e.g. bytes in no Unicode encoding
        }
        // Jackson's texts name its own classes and switches ("enable `JsonReadFeature.X` to allow"): not for clients.
        String problem = String.valueOf(json.getOriginalMessage())
                .replaceAll(
                        ", from `[^`]*`|: enable `[^`]*` to allow| \\(bound as `[^`]*`\\)|: not allowed as per `[^`]*`",
                        "")
                .replaceAll("\\[Source: [^;\\]]*; ", "[");
        JsonLocation at = json.getLocation();
        return at == null ? problem : problem + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** True when the bytes are only JSON whitespace (or none). */
    public static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A JSON object this process wrote itself (so it cannot fail to parse). */
    static ObjectNode parseObject(byte[] json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode always serialises", e);
        }
    }

    /** The text of a field, or null when it is absent or JSON null. */
    public static String textOrNull(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
