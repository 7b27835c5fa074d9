package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.mock.internal.CallEngine;
import dev.flireo.testkit.mock.internal.MockApi;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.StateStore;
import dev.flireo.testkit.openapi.FlireoSpecs;
import dev.flireo.testkit.openapi.SpecDocument;
import dev.flireo.testkit.openapi.SpecOperation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation of both served specs has a handler, and the route table holds exactly the spec's operations. */
class RouteCoverageTest {

    private final MockContext ctx = new MockContext(new StateStore(), Instant::now);
    private final MockApi api = new MockApi(ctx, new CallEngine(ctx, new dev.flireo.testkit.mock.internal.Deliveries(),
            FlireoMockServer.DEFAULT_WEBHOOK_DIALECT), List.of(), () -> false);

    @Test
    void everyOperationOfTheFlireoApiIsHandled() {
        assertThat(api.unhandled(api.flireo())).isEmpty();
        assertThat(api.flireo().routes()).extracting(r -> r.operationId())
                .containsExactlyInAnyOrderElementsOf(operationIds(SpecDocument.FLIREO_API));
        assertThat(api.flireo().routes()).hasSize(70);
    }

    @Test
    void everyOperationOfTheLegacyApiIsHandled() {
        assertThat(api.unhandled(api.legacy())).isEmpty();
        assertThat(api.legacy().routes()).extracting(r -> r.operationId())
                .containsExactlyInAnyOrderElementsOf(operationIds(SpecDocument.LEGACY_NL));
    }

    private static List<String> operationIds(SpecDocument doc) {
        return FlireoSpecs.operations(doc).stream().filter(op -> op.kind() == SpecOperation.Kind.OPERATION)
                .map(SpecOperation::operationId).toList();
    }
}
