package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.mock.internal.StateFile;
import dev.flireo.testkit.mock.internal.StateStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flireo mock --state-file} in a child JVM, killed with SIGKILL at random moments while several clients
 * create assistants as fast as they can, five times over on the same file. Each time the file must load, hold every
 * assistant that was on disk before (in an earlier round, or at this round's checkpoint) and only assistants the
 * clients sent, and be one state the mock really was in: each client's assistants form an unbroken prefix. The file
 * starts with a few megabytes of state, so that each write takes a while, and every other kill waits for a write to
 * be under way (its temporary file to appear).
 */
class MockStateFileCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 5;
    private static final int WRITERS = 3;
    private static final int SEEDED = 8_000;

    @Test
    void aMockKilledAtAnyMomentLeavesAStateFileThatLoadsWithAcknowledgedOrNewerState(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("flireo.json");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        JsonNode previous = seedState(file);
        Set<String> sentSoFar = new HashSet<>(names(previous));
        int killedMidWrite = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String context = "round " + round + ", seed " + seed;
            List<Writer> writers = new ArrayList<>();
            try (FlireoProcess mock =
                    FlireoProcess.start("mock", "--port", "0", "--no-demo-data", "--state-file", file.toString())) {
                String api = mock.awaitApiUrl();
                JsonNode restored = JSON.readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(api.replace("/api/v1", "/__flireo/state")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                assertThat(restored).as(context + ": restored exactly").isEqualTo(previous);
                assertThat(leftovers(dir))
                        .as("temporary files of a killed write are removed at start")
                        .isEmpty();
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(new Writer(api, "r" + round + "-w" + w + "-"));
                }
                writers.forEach(Thread::start);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> writers.stream()
                                .noneMatch(writer -> writer.acknowledged().isEmpty()));
                Set<String> checkpoint = new HashSet<>();
                writers.forEach(writer -> checkpoint.addAll(writer.acknowledged()));
                awaitOnDisk(file, checkpoint, context);
                if (round % 2 == 0) {
                    Thread.sleep(50 + random.nextInt(700)); // any moment
                } else {
                    awaitWriteInProgress(dir); // the moment that matters: a write is under way
                }
                mock.kill();
            }
            for (Writer writer : writers) {
                writer.join(10_000);
                sentSoFar.addAll(writer.sent());
            }

            killedMidWrite += leftovers(dir).isEmpty() ? 0 : 1;
            JsonNode killed = JSON.readTree(file.toFile());
            assertThat(new StateFile(file).loadInto(new StateStore()))
                    .as(context)
                    .isTrue();
            Set<String> names = names(killed);
            assertThat(sentSoFar)
                    .as(context + ": only assistants the clients sent")
                    .containsAll(names);
            assertThat(names).as(context + ": everything on disk before").containsAll(names(previous));
            for (Writer writer : writers) {
                List<Integer> present = names.stream()
                        .filter(n -> n.startsWith(writer.prefix))
                        .map(n -> Integer.parseInt(n.substring(writer.prefix.length())))
                        .sorted()
                        .toList();
                assertThat(present)
                        .as(context + ": " + writer.prefix + " is an unbroken prefix")
                        .isEqualTo(java.util.stream.IntStream.range(0, present.size())
                                .boxed()
                                .toList());
            }
            previous = killed;
        }
        assertThat(names(previous).size() - SEEDED)
                .as("the clients really wrote")
                .isGreaterThan(ROUNDS * WRITERS * 3);
        System.out.printf(
                "%d assistants in %d rounds; %d kills left a half-written temporary file (seed %d)%n",
                names(previous).size() - SEEDED, ROUNDS, killedMidWrite, seed);
    }

    /** About 8 MB of assistants, written as the state file before the first start. */
    private static JsonNode seedState(Path file) throws IOException {
        var assistants = JSON.createArrayNode();
        String notes = "x".repeat(1000);
        for (int i = 0; i < SEEDED; i++) {
            assistants
                    .addObject()
                    .put("id", "seed-" + i)
                    .put("name", "seed-" + i)
                    .put("notes", notes)
                    .put("created_at", "2025-12-15T09:30:00.000Z");
        }
        StateStore store = new StateStore();
        store.load(JSON.createObjectNode().set("assistants", assistants));
        Files.writeString(file, store.export().toString()); // a whole export: every collection, most of them empty
        return JSON.readTree(file.toFile());
    }

    private static Set<String> names(JsonNode state) {
        Set<String> names = new TreeSet<>();
        state.get("assistants").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    private static void awaitWriteInProgress(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (leftovers(dir).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Every acknowledged write is on disk within the writer's debounce (given a generous 10 s here). */
    private static void awaitOnDisk(Path file, Set<String> acknowledged, String context) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> missing = new HashSet<>(acknowledged);
        while (!missing.isEmpty()) {
            assertThat(System.nanoTime())
                    .as(context + ": still not on disk after 10 s: "
                            + missing.stream().limit(5).collect(Collectors.joining(", ")))
                    .isLessThan(deadline);
            Thread.sleep(20);
            missing.removeAll(names(JSON.readTree(file.toFile())));
        }
    }

    /** Creates assistants named PREFIX0, PREFIX1, ... one after the other until the mock is gone. */
    private static final class Writer extends Thread {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String api;
        private final String prefix;
        private final AtomicInteger attempted = new AtomicInteger();
        private final AtomicInteger acknowledged = new AtomicInteger();

        Writer(String api, String prefix) {
            this.api = api;
            this.prefix = prefix;
            setDaemon(true);
        }

        @Override
        public void run() {
            for (int i = 0; ; i++) {
                attempted.set(i + 1);
                try {
                    HttpResponse<String> reply = http.send(
                            HttpRequest.newBuilder(URI.create(api + "/assistants"))
                                    .header("Authorization", "Bearer k")
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + prefix + i + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (reply.statusCode() != 201) {
                        return;
                    }
                    acknowledged.set(i + 1);
                } catch (IOException | InterruptedException e) {
                    return; // the mock was killed
                }
            }
        }

        Set<String> acknowledged() {
            return names(acknowledged.get());
        }

        /** Acknowledged or maybe applied: the one in flight at the kill may have reached the state. */
        Set<String> sent() {
            return names(attempted.get());
        }

        private Set<String> names(int count) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < count; i++) {
                names.add(prefix + i);
            }
            return names;
        }
    }
}
