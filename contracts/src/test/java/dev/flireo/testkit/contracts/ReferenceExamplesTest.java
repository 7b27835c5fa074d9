package dev.flireo.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the JSON examples straight out of {@code shared/reference/*.md} and {@code shared/seeds/*} (the folder
 * next to the repository, found by walking up from the build directory; the test is skipped without it) and
 * checks that none was left out: every webhook payload validates, and every reply-shaped example is one of the
 * fixtures, which {@link FixturesTest} validates.
 */
class ReferenceExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REPLY_KEYS = Set.of(
            "assistant",
            "assistant_id",
            "assistant_override",
            "error",
            "maxDurationSeconds",
            "max_duration_seconds",
            "results",
            "result");

    /** Examples that are deliberately not payloads, with the reason. */
    private static final Map<String, String> NOT_PAYLOADS = Map.of(
            "{\"message\":{\"type\":\"status-update\"}}",
            "a signature test-vector body, not a documented event",
            "{\"assistant_id\":\"uuid-of-saved-agent\",\"assistant_override\":{\"tts_config\":{\"voice_id\":\"female-voice\"},"
                    + "\"first_message\":\"Hello John!\",\"metadata\":{\"crm_id\":\"12345\"}}}",
            "placeholder id; the spec's hybrid example replaces it with a sample UUID");

    record Example(String source, int line, JsonNode value) {
        @Override
        public String toString() {
            return source + ":" + line + " " + value;
        }
    }

    @Test
    void everyWebhookPayloadInTheReferenceValidatesInItsDialect() {
        List<Example> events = examples().stream()
                .filter(e -> Contracts.detect(e.value()).isPresent())
                .filter(e -> !NOT_PAYLOADS.containsKey(e.value().toString()))
                .toList();

        assertThat(events).hasSizeGreaterThanOrEqualTo(15);
        assertThat(events)
                .allSatisfy(e -> assertThat(Contracts.validate(e.value()).errors())
                        .as(e.toString())
                        .isEmpty());
    }

    @Test
    void everyReplyInTheReferenceIsAFixture() {
        Set<JsonNode> fixtures = new java.util.HashSet<>();
        Fixtures.all().stream().filter(f -> f.kind() == Fixtures.Kind.REPLY).forEach(f -> fixtures.add(f.value()));
        List<Example> replies = examples().stream()
                .filter(e -> Contracts.detect(e.value()).isEmpty() && replyShaped(e.value()))
                .filter(e -> !NOT_PAYLOADS.containsKey(e.value().toString()))
                .toList();

        assertThat(replies).hasSizeGreaterThanOrEqualTo(15);
        assertThat(replies)
                .allSatisfy(e -> assertThat(fixtures).as(e.toString()).contains(e.value()));
    }

    @Test
    void theHybridReplyWithItsPlaceholderIdIsRejectedForThatIdAlone() throws Exception {
        JsonNode verbatim = JSON.readTree(NOT_PAYLOADS.keySet().stream()
                .filter(k -> k.contains("uuid-of"))
                .findFirst()
                .orElseThrow());

        ValidationReport report = Contracts.of(Dialect.VOICEDOCK).validateReply(EventType.ASSISTANT_REQUEST, verbatim);

        assertThat(report.errors()).extracting(Violation::pointer).containsOnly("/assistant_id");
    }

    private static boolean replyShaped(JsonNode value) {
        if (!value.isObject()) {
            return false;
        }
        List<String> names = new ArrayList<>();
        value.fieldNames().forEachRemaining(names::add);
        return REPLY_KEYS.containsAll(names)
                && (!value.has("error") || value.get("error").isTextual());
    }

    private static List<Example> examples() {
        Optional<Path> shared = sharedFolder();
        assumeTrue(shared.isPresent(), "shared/reference is not next to this checkout");
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(
                Files.list(shared.get().resolve("reference")),
                Files.list(shared.get().resolve("seeds")))) {
            for (Path file : files.sorted().toList()) {
                examples.addAll(jsonBlocks(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    private static Optional<Path> sharedFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/reference")) && Files.isDirectory(dir.resolve("shared/seeds"))) {
                return Optional.of(dir.resolve("shared"));
            }
        }
        return Optional.empty();
    }

    /** Every balanced {@code {...}} of the text that parses as JSON (elided ones such as {@code {...}} do not). */
    private static List<Example> jsonBlocks(Path file) throws IOException {
        String text = Files.readString(file);
        List<Example> blocks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = text.charAt(i) == '{' ? balancedEnd(text, i) : -1;
            if (end > 0) {
                try {
                    JsonNode value = JSON.readTree(text.substring(i, end + 1));
                    int line = (int) text.substring(0, i)
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count()
                            + 1;
                    blocks.add(new Example(file.getFileName().toString(), line, value));
                    i = end + 1;
                    continue;
                } catch (JsonProcessingException notJson) {
                    // prose or an elided example: keep scanning inside it
                }
            }
            i++;
        }
        return blocks;
    }

    private static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
