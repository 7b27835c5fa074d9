package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status and a JSON body (headers are added by the dispatcher). */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

    public static ApiResponse of(int status, JsonNode body) {
        return new ApiResponse(status, body, new LinkedHashMap<>());
    }

    public static ApiResponse ok(JsonNode body) {
        return of(200, body);
    }

    public static ApiResponse created(JsonNode body) {
        return of(201, body);
    }
}
