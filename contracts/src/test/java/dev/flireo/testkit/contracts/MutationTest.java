package dev.flireo.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.Fixtures.Kind;
import dev.flireo.testkit.contracts.Mutations.Mutation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a documented payload or reply can break its contract is rejected, with a message naming the field. */
class MutationTest {

    private static final List<Mutation> MUTATIONS = Fixtures.all().stream()
            .flatMap(fixture -> Mutations.of(fixture).stream())
            .toList();

    static Stream<Mutation> mutations() {
        return MUTATIONS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void everyMutationIsRejectedNamingTheField(Mutation mutation) {
        ValidationReport report = check(mutation);

        assertThat(report.valid()).as("accepted: %s", mutation.payload()).isFalse();
        assertThat(report.errors())
                .as(report.summary())
                .anySatisfy(error -> assertThat(error.message()).contains(mutation.field()));
    }

    @Test
    void everyEventHasAllFiveKindsOfMutationInEveryDialect() {
        Set<Mutations.Kind> mandated = EnumSet.of(
                Mutations.Kind.MISSING_REQUIRED,
                Mutations.Kind.WRONG_TYPE,
                Mutations.Kind.OUTSIDE_ENUM,
                Mutations.Kind.MALFORMED,
                Mutations.Kind.OTHER_CASING);
        kindsByContract().forEach((contract, kinds) -> {
            if (contract.endsWith(" event")) {
                assertThat(kinds).as(contract).containsAll(mandated);
            }
        });
    }

    @Test
    void everyEventAndReplyHasAtLeastFiveRejectedMutations() {
        Map<String, Long> counts = MUTATIONS.stream()
                .collect(Collectors.groupingBy(MutationTest::contract, TreeMap::new, Collectors.counting()));
        assertThat(counts).hasSize(Dialect.values().length * 6);
        counts.forEach((contract, count) -> assertThat(count).as(contract).isGreaterThanOrEqualTo(5));
    }

    /**
     * Replies constrain less than events: a tool result carries no enum, E.164 number or timestamp, and the legacy
     * assistant configuration has no such field either and only one required key, {@code assistant}, which has a
     * single spelling. Every kind a reply contract can break is generated.
     */
    @Test
    void replyMutationKindsFollowWhatEachReplyContractConstrains() {
        Set<Mutations.Kind> all = EnumSet.allOf(Mutations.Kind.class);
        Set<Mutations.Kind> toolResult = EnumSet.of(
                Mutations.Kind.MISSING_REQUIRED,
                Mutations.Kind.WRONG_TYPE,
                Mutations.Kind.OTHER_CASING,
                Mutations.Kind.BROKEN_LIMIT);
        assertThat(kindsByContract())
                .containsAllEntriesOf(Map.of(
                        "flireo assistant-request reply", all,
                        "voicedock assistant-request reply", all,
                        "legacy assistant-request reply",
                                EnumSet.of(
                                        Mutations.Kind.MISSING_REQUIRED,
                                        Mutations.Kind.WRONG_TYPE,
                                        Mutations.Kind.OUTSIDE_ENUM,
                                        Mutations.Kind.BROKEN_LIMIT),
                        "flireo tool-calls reply", toolResult,
                        "voicedock tool-calls reply", toolResult,
                        "legacy tool-calls reply", toolResult));
    }

    private static Map<String, Set<Mutations.Kind>> kindsByContract() {
        return MUTATIONS.stream()
                .collect(Collectors.groupingBy(
                        MutationTest::contract,
                        TreeMap::new,
                        Collectors.mapping(
                                Mutation::kind, Collectors.toCollection(() -> EnumSet.noneOf(Mutations.Kind.class)))));
    }

    private static String contract(Mutation m) {
        return m.base().dialect().wireName() + " " + m.base().event().wireName() + " "
                + m.base().kind().name().toLowerCase();
    }

    private static ValidationReport check(Mutation mutation) {
        Contracts contracts = Contracts.of(mutation.base().dialect());
        return mutation.base().kind() == Kind.EVENT
                ? contracts.validateEvent(mutation.payload())
                : contracts.validateReply(mutation.base().event(), mutation.payload());
    }
}
