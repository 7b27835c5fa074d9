package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.mock.internal.MockApi;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.StateStore;
import dev.flireo.testkit.mock.internal.calls.Calls;
import dev.flireo.testkit.openapi.FlireoSpecs;
import dev.flireo.testkit.openapi.SpecDocument;
import dev.flireo.testkit.openapi.SpecOperation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation of both served specs has a handler, and the route table holds exactly the spec's operations. */
class RouteCoverageTest {

    private final MockContext ctx = new MockContext(new StateStore(), Instant::now);
    private final MockApi api = new MockApi(
            ctx,
            new Calls(ctx, new dev.flireo.testkit.mock.internal.Deliveries(), MockOptions.DEFAULT_WEBHOOK_DIALECT),
            List.of(),
            () -> false);

    @Test
    void everyOperationOfTheFlireoApiIsHandled() {
        assertThat(api.unhandled(api.flireo())).isEmpty();
        assertThat(api.flireo().routes())
                .extracting(r -> r.operationId())
                .containsExactlyInAnyOrderElementsOf(operationIds(SpecDocument.FLIREO_API));
        assertThat(api.flireo().routes()).hasSize(75);
    }

    /**
     * The operations of the platform's published OpenAPI bundle (doc.voicedock.ai/openapi.bundled.json), as SDK
     * v2.2.0's tests/fixtures/api-operations.json lists them: {@code *} marks the ones it marks deprecated.
     */
    private static final List<String> PUBLISHED_BUNDLE = List.of(
            "DELETE /analysis-templates/{}",
            "DELETE /assistants/{}",
            "DELETE /byok",
            "DELETE /campaigns/{}",
            "DELETE /campaigns/{}/leads/{}",
            "DELETE /chats/{} *",
            "DELETE /domains",
            "DELETE /mcp-servers/{}",
            "DELETE /numbers/{}",
            "DELETE /sip-trunks/{}",
            "DELETE /tool-templates/{}",
            "DELETE /workflows/{}",
            "GET /account *",
            "GET /analysis-templates",
            "GET /analysis-templates/{}",
            "GET /assistants",
            "GET /assistants/{}",
            "GET /byok",
            "GET /calls",
            "GET /calls/{}",
            "GET /campaigns",
            "GET /campaigns/{}",
            "GET /campaigns/{}/leads",
            "GET /chats *",
            "GET /chats/context *",
            "GET /domains",
            "GET /domains/sync",
            "GET /health",
            "GET /mcp-servers",
            "GET /mcp-servers/{}",
            "GET /numbers",
            "GET /numbers/{}",
            "GET /organizations",
            "GET /sip-trunks",
            "GET /sip-trunks/{}",
            "GET /tool-templates",
            "GET /tool-templates/{}",
            "GET /usage",
            "GET /voices",
            "GET /workflows",
            "GET /workflows/{}",
            "PATCH /analysis-templates/{}",
            "PATCH /assistants/{}",
            "PATCH /campaigns/{}",
            "PATCH /mcp-servers/{}",
            "PATCH /numbers/{}",
            "PATCH /organizations",
            "PATCH /tool-templates/{}",
            "PATCH /workflows/{}",
            "POST /analysis-templates",
            "POST /assistants",
            "POST /byok",
            "POST /byok/config",
            "POST /calls/{}/control",
            "POST /calls/outbound",
            "POST /campaigns",
            "POST /campaigns/{}/leads",
            "POST /chats *",
            "POST /domains",
            "POST /domains/refresh",
            "POST /domains/sync",
            "POST /domains/verify",
            "POST /mcp-servers",
            "POST /mcp-servers/{}/test",
            "POST /numbers",
            "POST /organizations",
            "POST /sip-trunks",
            "POST /tool-templates",
            "POST /workflows");

    @Test
    void everyOperationOfThePublishedBundleIsHandledAndDeprecatedAsThere() {
        List<String> served = FlireoSpecs.operations(SpecDocument.FLIREO_API).stream()
                .filter(op -> op.kind() == SpecOperation.Kind.OPERATION)
                .map(op -> op.method() + " " + op.path().replaceAll("\\{[^}]+}", "{}") + (op.deprecated() ? " *" : ""))
                .toList();
        assertThat(PUBLISHED_BUNDLE).hasSize(69);
        assertThat(served).containsAll(PUBLISHED_BUNDLE);
    }

    @Test
    void everyOperationOfTheLegacyApiIsHandled() {
        assertThat(api.unhandled(api.legacy())).isEmpty();
        assertThat(api.legacy().routes())
                .extracting(r -> r.operationId())
                .containsExactlyInAnyOrderElementsOf(operationIds(SpecDocument.LEGACY_NL));
    }

    private static List<String> operationIds(SpecDocument doc) {
        return FlireoSpecs.operations(doc).stream()
                .filter(op -> op.kind() == SpecOperation.Kind.OPERATION)
                .map(SpecOperation::operationId)
                .toList();
    }
}
