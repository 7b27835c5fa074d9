package dev.flireo.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The documented cross-cutting rules hold for every REST operation of flireo-api.yaml. */
class SpecConventionsTest {

    private static final Set<String> RATE_LIMIT_HEADERS =
            Set.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");

    private final OpenAPI api = FlireoSpecs.load(SpecDocument.FLIREO_API);

    @Test
    void everyOperationDocumentsItsErrorResponses() {
        List<String> problems = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    Set<String> expected = new TreeSet<>(Set.of("429", "5XX"));
                    if (!Boolean.TRUE.equals(isPublic(op))) {
                        expected.add("401");
                    }
                    if (path.contains("{")) {
                        expected.add("404");
                    }
                    if (op.getRequestBody() != null) {
                        expected.add("400");
                        expected.add("413");
                    }
                    expected.removeAll(op.getResponses().keySet());
                    if (!expected.isEmpty()) {
                        problems.add(method + " " + path + " lacks " + expected);
                    }
                }));

        assertThat(problems).isEmpty();
    }

    @Test
    void everySuccessResponseCarriesTheRateLimitHeaders() {
        List<String> problems = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, op) -> op.getResponses().forEach((status, response) -> {
                            if (status.startsWith("2") && !hasRateLimitHeaders(response)) {
                                problems.add(method + " " + path + " " + status);
                            }
                        })));

        assertThat(problems).isEmpty();
    }

    @Test
    void everyErrorResponseUsesTheErrorBodyAndTheRateLimitHeaders() {
        for (String name : List.of(
                "BadRequest",
                "Unauthorized",
                "PaymentRequired",
                "Forbidden",
                "NotFound",
                "Conflict",
                "PayloadTooLarge",
                "UnprocessableEntity",
                "TooManyRequests",
                "ServerError",
                "WorkflowValidationError")) {
            ApiResponse response = api.getComponents().getResponses().get(name);
            assertThat(response.getContent().get("application/json").getSchema().get$ref())
                    .as("schema of response %s", name)
                    .isEqualTo("#/components/schemas/Error");
            assertThat(hasRateLimitHeaders(response))
                    .as("rate-limit headers of %s", name)
                    .isTrue();
        }
        assertThat(api.getComponents().getResponses().get("TooManyRequests").getHeaders())
                .containsKey("Retry-After");
    }

    @Test
    void onlyTheHealthCheckIsPublic() {
        List<String> publicOps = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    if (isPublic(op)) {
                        publicOps.add(method + " " + path);
                    }
                }));

        assertThat(publicOps).containsExactly(PathItem.HttpMethod.GET + " /health");
    }

    private static boolean isPublic(Operation op) {
        return op.getSecurity() != null && op.getSecurity().isEmpty();
    }

    private static boolean hasRateLimitHeaders(ApiResponse response) {
        return response.getHeaders() != null && response.getHeaders().keySet().containsAll(RATE_LIMIT_HEADERS);
    }
}
