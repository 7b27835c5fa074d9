package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A validated request as handlers see it: the route, path and query values already checked against the spec,
 * and the body parsed, normalised (aliases renamed to the canonical names) and validated.
 */
public record ApiRequest(
        Route route, Map<String, String> pathParams, Map<String, List<String>> query, JsonNode body, String apiKey) {

    public String path(String name) {
        return pathParams.get(name);
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public int queryInt(String name, int fallback) {
        String value = query(name);
        return value == null ? fallback : Integer.parseInt(value.strip());
    }

    /** The body as an object (an empty one when the operation has no body). */
    public ObjectNode object() {
        return body instanceof ObjectNode o ? o : Json.object();
    }
}
