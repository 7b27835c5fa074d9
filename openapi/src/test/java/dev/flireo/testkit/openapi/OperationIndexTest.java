package dev.flireo.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.internal.OperationIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The build's operation index says exactly what swagger-parser reads from the specs. */
class OperationIndexTest {

    @ParameterizedTest
    @EnumSource(SpecDocument.class)
    void theIndexListsWhatTheParsedSpecHas(SpecDocument doc) {
        assertThat(OperationIndex.read(doc)).isNotEmpty().isEqualTo(FlireoSpecs.parsedOperations(doc));
    }

    @Test
    void operationsComeFromTheIndex() {
        assertThat(FlireoSpecs.operations(SpecDocument.FLIREO_API))
                .isEqualTo(OperationIndex.read(SpecDocument.FLIREO_API));
    }
}
