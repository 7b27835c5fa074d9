package dev.flireo.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpecParsingTest {

    @ParameterizedTest
    @EnumSource(SpecDocument.class)
    void swaggerParserReadsEveryDocumentWithoutAnyMessage(SpecDocument doc) {
        SwaggerParseResult result = FlireoSpecs.parse(doc);

        assertThat(result.getMessages())
                .as("swagger-parser errors and warnings for %s", doc.fileName())
                .isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @ParameterizedTest
    @EnumSource(SpecDocument.class)
    void everyOperationIsNamedSummarisedAndSourced(SpecDocument doc) {
        List<SpecOperation> ops = FlireoSpecs.operations(doc);

        assertThat(ops).isNotEmpty();
        assertThat(ops).allSatisfy(op -> {
            String where = op.method() + " " + op.path();
            assertThat(op.operationId()).as("operationId of %s", where).isNotBlank();
            assertThat(op.summary()).as("summary of %s", where).isNotBlank();
            assertThat(op.source()).as("x-source of %s", where).isIn("seen", "inferred");
            assertThat(op.sourceRef()).as("x-source-ref of %s", where).isNotBlank();
        });
    }

    @ParameterizedTest
    @EnumSource(SpecDocument.class)
    void operationIdsAreUniqueWithinADocument(SpecDocument doc) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = FlireoSpecs.operations(doc).stream()
                .map(SpecOperation::operationId)
                .filter(id -> !seen.add(id))
                .toList();

        assertThat(duplicates).isEmpty();
    }

    @Test
    void everyDocumentHasTheFourWebhooks() {
        for (SpecDocument doc : SpecDocument.values()) {
            assertThat(FlireoSpecs.load(doc).getWebhooks())
                    .as("webhooks of %s", doc.fileName())
                    .containsOnlyKeys("assistant-request", "tool-calls", "status-update", "end-of-call-report");
        }
    }
}
