package dev.flireo.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST operations the reference documents name must all be in flireo-api.yaml. */
class RequiredOperationsTest {

    private static final List<String> REQUIRED = List.of(
            "GET /assistants",
            "POST /assistants",
            "GET /assistants/{id}",
            "PATCH /assistants/{id}",
            "DELETE /assistants/{id}",
            "GET /agents",
            "POST /agents",
            "GET /agents/{id}",
            "PATCH /agents/{id}",
            "DELETE /agents/{id}",
            "GET /calls",
            "GET /calls/{id}",
            "POST /calls/outbound",
            "POST /calls/{id}/control",
            "GET /numbers",
            "POST /numbers",
            "GET /numbers/{id}",
            "PATCH /numbers/{id}",
            "DELETE /numbers/{id}",
            "GET /sip-trunks",
            "POST /sip-trunks",
            "GET /sip-trunks/{id}",
            "DELETE /sip-trunks/{id}",
            "GET /voices",
            "GET /usage",
            "GET /byok",
            "POST /byok",
            "DELETE /byok",
            "GET /byok/config",
            "GET /domains",
            "POST /domains",
            "DELETE /domains",
            "GET /domains/sync",
            "POST /domains/sync",
            "POST /domains/verify",
            "POST /domains/refresh",
            "GET /tool-templates",
            "POST /tool-templates",
            "GET /tool-templates/{id}",
            "PATCH /tool-templates/{id}",
            "DELETE /tool-templates/{id}",
            "GET /analysis-templates",
            "POST /analysis-templates",
            "GET /analysis-templates/{id}",
            "PATCH /analysis-templates/{id}",
            "DELETE /analysis-templates/{id}",
            "GET /account",
            "GET /organizations",
            "POST /organizations",
            "PATCH /organizations",
            "GET /campaigns",
            "POST /campaigns",
            "GET /campaigns/{id}",
            "PATCH /campaigns/{id}",
            "DELETE /campaigns/{id}",
            "GET /campaigns/{id}/leads",
            "POST /campaigns/{id}/leads",
            "DELETE /campaigns/{id}/leads/{leadId}",
            "GET /mcp-servers",
            "POST /mcp-servers",
            "GET /mcp-servers/{id}",
            "PATCH /mcp-servers/{id}",
            "DELETE /mcp-servers/{id}",
            "POST /mcp-servers/{id}/test",
            "GET /workflows",
            "POST /workflows",
            "GET /workflows/{id}",
            "PATCH /workflows/{id}",
            "DELETE /workflows/{id}");

    @Test
    void flireoApiCoversEveryDocumentedOperation() {
        List<String> present = FlireoSpecs.operations(SpecDocument.FLIREO_API).stream()
                .filter(op -> op.kind() == SpecOperation.Kind.OPERATION)
                .map(op -> op.method() + " " + op.path())
                .toList();

        assertThat(present).containsAll(REQUIRED);
    }

    @Test
    void theAgentsAliasIsDeprecated() {
        assertThat(FlireoSpecs.operations(SpecDocument.FLIREO_API))
                .filteredOn(op -> op.path().startsWith("/agents"))
                .hasSize(5)
                .allMatch(SpecOperation::deprecated);
    }
}
