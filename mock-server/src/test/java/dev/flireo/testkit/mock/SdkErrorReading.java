package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How the vendor's Node SDK ({@code flireo-bv-org/hmsovereign-node}) turns an error answer into an exception,
 * re-stated from its source as facts for the tests to assert on; none of its code is copied.
 *
 * <ul>
 *   <li>v2.2.0 {@code src/client.ts} {@code createError}: the body counts only when it is a JSON object; 401 is an
 *       {@code AuthenticationError}, 402 {@code InsufficientCreditsError}, 404 {@code NotFoundError}, 429
 *       {@code RateLimitError} (with {@code Retry-After} in seconds), every other status an
 *       {@code ApiRequestError}. Its {@code errorMessage}: {@code "error: message"} when both are non-empty strings
 *       that differ, else whichever of them is a non-empty string, else the status text.</li>
 *   <li>v2.2.0 {@code src/errors.ts}: {@code ApiRequestError.details} is {@code body.details} when that is an
 *       array, else undefined.</li>
 *   <li>v1.0.1 {@code src/client.ts}: the message is {@code body.error ?? body.message ?? statusText}, whatever
 *       type {@code error} has (an object becomes {@code "[object Object]"} in the message).</li>
 * </ul>
 */
final class SdkErrorReading {

    private SdkErrorReading() {}

    /** The exception class v2.2.0 (and v1.0.1, same mapping) throws for a status. */
    static String errorClass(int status) {
        return switch (status) {
            case 401 -> "AuthenticationError";
            case 402 -> "InsufficientCreditsError";
            case 404 -> "NotFoundError";
            case 429 -> "RateLimitError";
            default -> "ApiRequestError";
        };
    }

    /** The message v2.2.0 builds from the body, or null when it would fall back to the status text. */
    static String v2Message(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        String error = nonEmptyString(body.get("error"));
        String message = nonEmptyString(body.get("message"));
        if (error != null && message != null && !message.equals(error)) {
            return error + ": " + message;
        }
        return error != null ? error : message;
    }

    /** The {@code details} v2.2.0 keeps on the exception, or null. */
    static List<String> v2Details(JsonNode body) {
        JsonNode details = body == null ? null : body.get("details");
        if (details == null || !details.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        details.forEach(d -> out.add(d.asText()));
        return out;
    }

    /** The message v1.0.1 builds from the body, or null when it would fall back to the status text. */
    static String v1Message(JsonNode body) {
        for (String key : new String[] {"error", "message"}) {
            JsonNode value = body == null ? null : body.get(key);
            if (value != null && !value.isNull()) {
                return value.isContainerNode() ? "[object Object]" : value.asText();
            }
        }
        return null;
    }

    private static String nonEmptyString(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
