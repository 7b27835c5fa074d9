package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file that can no longer be written is reported, not kept quiet: a warning line, {@code
 * state_file_problem} in health until a write succeeds again, and the {@code Shutdown} result of a stop that
 * could not save.
 */
class StateFileFailureAcceptanceTest {

    @TempDir
    Path dir;

    @Test
    void aFailingStateFileIsReportedInTheLogHealthAndShutdown() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("state"));
        Path file = folder.resolve("flireo.json");
        List<String> warnings = new CopyOnWriteArrayList<>();
        FlireoMockServer mock = FlireoMockServer.options()
                .stateFile(file)
                .onWarning(warnings::add)
                .start();
        blockWith(folder, file);

        Http.send("POST", mock.baseUrl() + "/assistants", "k", "{\"name\":\"Unsaved\"}");
        JsonNode failing = awaitHealth(mock, h -> h.has("state_file_problem"));
        assertThat(failing.get("state_file_problem").asText()).contains("cannot write state file", file.toString());
        assertThat(failing.get("status").asText()).isEqualTo("ok");
        assertThat(warnings)
                .anyMatch(w -> w.startsWith("cannot write state file " + file) && w.contains("retrying every 1 s"));

        Files.delete(folder); // the writer makes the directory again
        awaitHealth(mock, h -> !h.has("state_file_problem"));
        assertThat(warnings).anyMatch(w -> w.equals("state file " + file + " is written again"));
        assertThat(Files.readString(file)).contains("Unsaved");

        Http.send("POST", mock.baseUrl() + "/assistants", "k", "{\"name\":\"Lost at the stop\"}");
        blockWith(folder, file);
        FlireoMockServer.Shutdown stopped = mock.shutdown(Duration.ZERO);
        assertThat(stopped.stateFileProblem()).contains("cannot write state file " + file);
        assertThat(stopped.complete()).isFalse();
    }

    /** A plain file where the state file's directory was: every write fails, even as root. */
    private static void blockWith(Path folder, Path file) throws java.io.IOException {
        Files.delete(file);
        Files.delete(folder);
        Files.writeString(folder, "not a directory");
    }

    /** Polls health until it satisfies the condition (writes are retried every second). */
    private static JsonNode awaitHealth(FlireoMockServer mock, Predicate<JsonNode> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode health =
                    Http.send("GET", mock.adminUrl() + "/health", null, null).json();
            if (condition.test(health)) {
                return health;
            }
            assertThat(System.nanoTime())
                    .as("health never became as expected: %s", health)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
