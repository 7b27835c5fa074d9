package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One end_reason vocabulary: the spec's Call and webhook schemas, and the scenarios, use exactly these words. */
class EndReasonTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> WORDS =
            Arrays.stream(EndReason.values()).map(EndReason::wireName).toList();

    @Test
    void theDocumentedWordsComeFirstInTheSdksStyle() {
        assertThat(WORDS).startsWith("user_hangup", "max_duration").allMatch(w -> w.matches("[a-z]+(_[a-z]+)*"));
    }

    @Test
    void everySpecSchemaOfTheEndReasonListsTheVocabulary() throws Exception {
        JsonNode flireo = spec("openapi/flireo-api.yaml").at("/components/schemas");
        JsonNode voicedock = spec("openapi/voicedock-webhooks.yaml").at("/components/schemas");
        List<JsonNode> fields = List.of(
                flireo.at("/Call/properties/end_reason"),
                property(flireo.at("/StatusUpdateMessage/allOf"), "endedReason"),
                property(flireo.at("/EndOfCallReportMessage/allOf"), "endedReason"),
                property(voicedock.at("/VoiceDockStatusUpdateMessage/allOf"), "end_reason"),
                property(voicedock.at("/VoiceDockEndOfCallReportMessage/allOf"), "end_reason"));
        assertThat(fields)
                .allSatisfy(field -> assertThat(words(field.get("examples"))).isEqualTo(WORDS));
    }

    @Test
    void everyBuiltInScenarioEndsWithAWordOfTheVocabulary() {
        List<String> reasons = new ArrayList<>();
        for (Scenario scenario : Scenario.builtIns()) {
            scenario.spec().steps().stream()
                    .filter(Step.Status.class::isInstance)
                    .map(Step.Status.class::cast)
                    .filter(s -> s.reason() != null)
                    .forEach(s -> reasons.add(s.reason()));
        }
        assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(WORDS).contains(r));
    }

    @Test
    void aScenarioWithAnotherWordIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> Scenario.parse("""
                name: old-words
                description: Uses a word of the old vocabulary.
                call: inbound
                steps:
                  - status: in-progress
                  - status: ended
                    reason: customer-ended-call
                """, "old-words.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("old-words.yaml line 7")
                .hasMessageContaining(
                        "unknown end reason 'customer-ended-call'; expected one of user_hangup, max_duration");
    }

    private static JsonNode spec(String resource) throws Exception {
        try (InputStream in = EndReasonTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return YAML.readTree(in);
        }
    }

    private static JsonNode property(JsonNode allOf, String name) {
        for (JsonNode part : allOf) {
            if (part.path("properties").has(name)) {
                return part.path("properties").get(name);
            }
        }
        throw new AssertionError("no property " + name + " in " + allOf);
    }

    private static List<String> words(JsonNode examples) {
        List<String> words = new ArrayList<>();
        examples.forEach(e -> words.add(e.asText()));
        return words;
    }
}
