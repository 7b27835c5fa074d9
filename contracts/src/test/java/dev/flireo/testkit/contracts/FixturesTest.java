package dev.flireo.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.Fixtures.Fixture;
import dev.flireo.testkit.contracts.Fixtures.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented payload and reply is valid in its own dialect: the contracts accept what the platform sends. */
class FixturesTest {

    static Stream<Fixture> fixtures() {
        return Fixtures.all().stream();
    }

    static Stream<Fixture> events() {
        return fixtures().filter(f -> f.kind() == Kind.EVENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyDocumentedExampleIsValidInItsDialect(Fixture fixture) {
        Contracts contracts = Contracts.of(fixture.dialect());
        ValidationReport report = fixture.kind() == Kind.EVENT
                ? contracts.validateEvent(fixture.value())
                : contracts.validateReply(fixture.event(), fixture.value());

        assertThat(report.errors()).as(report.summary()).isEmpty();
        assertThat(report.dialect()).isEqualTo(fixture.dialect());
        assertThat(report.eventType()).isEqualTo(fixture.event());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyDocumentedEventIsDetectedAndValidatedWithoutNamingItsDialect(Fixture fixture) {
        assertThat(Contracts.detect(fixture.value())).contains(new Detection(fixture.dialect(), fixture.event()));
        assertThat(Contracts.validate(fixture.value()).valid()).isTrue();
    }

    @Test
    void eachDialectHasFixturesForAllFourEventsAndBothReplies() {
        for (Dialect dialect : Dialect.values()) {
            for (EventType event : EventType.values()) {
                assertThat(Fixtures.of(dialect, event, Kind.EVENT))
                        .as(dialect + " " + event)
                        .isNotEmpty();
                if (event.replyUsed()) {
                    assertThat(Fixtures.of(dialect, event, Kind.REPLY))
                            .as(dialect + " " + event + " reply")
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void theDocumentedExamplesComeFromTheSpecsThemselves() {
        assertThat(Fixtures.all())
                .hasSizeGreaterThan(50)
                .filteredOn(f -> f.name().startsWith("fixtures/"))
                .hasSize(4);
    }
}
