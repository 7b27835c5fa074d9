package dev.flireo.testkit.mock.internal;

import java.util.List;
import java.util.Set;

/**
 * One operation of a served spec: where it lives, what it accepts and what it may answer.
 *
 * @param requestSchema JSON pointer to the request body schema inside the spec, or null when there is no body
 * @param statuses the response status codes the spec documents (decides 400 versus 422)
 * @param authenticated false when the operation says {@code security: []}
 */
public record Route(
        RouteTable spec,
        String method,
        String template,
        String operationId,
        String requestSchema,
        boolean bodyRequired,
        List<Param> params,
        Set<String> statuses,
        boolean authenticated,
        int successStatus) {

    /** A path or query parameter with the JSON pointer to its schema. */
    public record Param(String name, String in, boolean required, String schema) {}

    List<String> segments() {
        return RouteTable.segments(template);
    }

    public boolean documents(int status) {
        return statuses.contains(Integer.toString(status));
    }
}
