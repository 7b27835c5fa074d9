package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a request body as JSON, refusing (400 {@code invalid_json}, naming the problem) what the mock could store
 * but not serve again: nesting deeper than {@link #MAX_DEPTH}, bytes that are not strict UTF-8 (see
 * {@link Utf8}), numbers beyond a double ({@code 1e400} would be written back as {@code Infinity}, which is no
 * JSON) and unpaired surrogates sent as {@code \ud800} escapes (no UTF-8 encoder can write them). So whatever a
 * request stores can be listed, exported, written to the state file and loaded again.
 */
public final class RequestJson {

    /**
     * Levels of arrays and objects a request body may nest. The platform documents no limit; the deepest documented
     * bodies (workflow graphs, analysis schemas) nest under 10. Stored resources are written again inside answers,
     * webhooks and the state file (a few levels deeper), always far from Jackson's write limit of 1000.
     */
    public static final int MAX_DEPTH = 64;
    /** A state document ({@code PUT /__flireo/state}) holds resources two levels down, and may hold any of them. */
    public static final int MAX_STATE_DEPTH = MAX_DEPTH + 2;

    private static final ObjectMapper API = mapper(MAX_DEPTH);
    private static final ObjectMapper STATE = mapper(MAX_STATE_DEPTH);

    private RequestJson() {}

    private static ObjectMapper mapper(int depth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(depth).build())
                .build();
        return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A request body of the APIs; throws the documented 400 when it is not JSON the mock can keep. */
    public static JsonNode parse(byte[] raw) {
        return parse(raw, API, MAX_DEPTH);
    }

    /** A body of the admin API, which may carry a whole state document. */
    public static JsonNode parseState(byte[] raw) {
        return parse(raw, STATE, MAX_STATE_DEPTH);
    }

    private static JsonNode parse(byte[] raw, ObjectMapper mapper, int depth) {
        String utf8 = Utf8.problem(raw);
        if (utf8 != null) {
            throw invalid(utf8);
        }
        JsonNode node;
        try {
            node = mapper.readTree(raw);
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage());
            throw invalid(
                    message.contains("nesting depth")
                            ? "it nests arrays and objects deeper than the limit of " + depth + " levels"
                            : Json.describe(e));
        } catch (IOException e) {
            throw invalid(Json.describe(e));
        }
        String problem = unservable(node, "");
        if (problem != null) {
            throw invalid(problem);
        }
        return node;
    }

    private static ApiError invalid(String why) {
        return ApiError.badRequest("invalid_json", "Request body is not valid JSON: " + why, null);
    }

    /** The first value no JSON writer could write back as it was read, or null. */
    private static String unservable(JsonNode node, String at) {
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            return Double.isFinite(d) ? null : "the number at " + where(at) + " is beyond the range of a double";
        }
        if (node.isTextual()) {
            return unpaired(node.textValue())
                    ? "the string at " + where(at) + " holds an unpaired UTF-16 surrogate escape"
                    : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String problem = unservable(node.get(i), at + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
            if (unpaired(field.getKey())) {
                return "the name of a field in " + where(at) + " holds an unpaired UTF-16 surrogate escape";
            }
            String problem = unservable(field.getValue(), path);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    private static boolean unpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
