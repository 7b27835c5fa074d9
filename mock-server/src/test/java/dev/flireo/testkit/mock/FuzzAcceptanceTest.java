package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.mock.internal.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of malformed requests over real HTTP to every operation of both served specs (see {@link RequestFuzzer}
 * for the mutations): never a 5xx or a stack trace, every 4xx in the documented envelope naming the problem, no
 * state change from a refused request, and a heap that does not grow with what was refused.
 *
 * <p>Deterministic for a seed; {@code -Dflireo.fuzz.seed=N} replays a run, {@code -Dflireo.fuzz.requests=N} makes
 * it longer. A failure names the seed, the case number, the mutation and the request as sent.
 */
class FuzzAcceptanceTest {

    private static final long SEED = Long.getLong("flireo.fuzz.seed", 20251213L);
    private static final int REQUESTS = Integer.getInteger("flireo.fuzz.requests", 3000);
    /** Accepted writes pile up in the state; a reset now and then keeps comparing it cheap. */
    private static final int RESET_EVERY = 250;

    private static final long HEAP_GROWTH_BOUND = 64L << 20;

    /**
     * Short, so that a body shorter than its Content-Length costs two seconds; long enough that a body written by
     * {@link RawHttp}'s writer thread on a machine at load 20 arrives in time (500 ms cut two of 100,000 bodies).
     */
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(2);

    private static final Path STATE_FILE = stateFile();

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options()
                    .manualClock()
                    .demoData(true)
                    .stateFile(STATE_FILE)
                    .requestTimeouts(Duration.ofSeconds(5), BODY_DEADLINE))
            .build();

    private final List<String> ids = new ArrayList<>();

    @Test
    void malformedRequestsToEveryOperationAreRefusedCleanlyAndChangeNothing() {
        RequestFuzzer fuzzer =
                new RequestFuzzer(new Random(SEED), flireo.apiKey(), MockOptions.DEFAULT_MAX_BODY_SIZE, () -> ids);
        List<Route> routes = SpecSamples.routes();
        List<String> failures = new ArrayList<>();
        JsonNode expected = refreshState();
        long heapAtStart = 0;
        long bytesSent = 0;
        int accepted = 0;
        FlireoMockServer scratch =
                FlireoMockServer.options().manualClock(java.time.Instant.now()).start();
        RoundTripCheck roundTrip = new RoundTripCheck(flireo, scratch);
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            if (i % RESET_EVERY == 0) {
                flireo.server().reset();
                expected = refreshState();
                heapAtStart = i == 0 || i == RESET_EVERY ? usedHeapAfterGc() : heapAtStart; // after a warm-up
            }
            RequestFuzzer.Case c = fuzzer.next(routes.get(i % routes.size()));
            RawHttp.Reply reply = RawHttp.exchange(flireo.port(), c.request());
            bytesSent += c.request().body().length;
            String problem = FuzzChecks.problem(c, reply);
            JsonNode now = flireo.state().export();
            if (problem == null && reply.status() >= 400 && !now.equals(expected)) {
                problem = "a refused request changed the state";
            }
            if (problem == null && reply.status() < 300) {
                accepted++;
                problem = roundTrip.problem(c, reply);
            }
            if (problem != null) {
                failures.add(report(i, c, reply, problem));
            }
            expected = reply.status() < 300 ? refreshState() : now;
        }
        flireo.server().reset();
        long growth = usedHeapAfterGc() - heapAtStart;
        System.out.printf(
                "fuzz: seed %d, %d requests to %d operations (%d accepted), %d MiB of bodies, heap growth %d KiB%n",
                SEED, REQUESTS, routes.size(), accepted, bytesSent >> 20, growth >> 10);
        String stateFile = stateFileProblem(scratch);
        scratch.stop();
        if (stateFile != null) {
            failures.add(stateFile);
        }

        assertThat(failures.isEmpty())
                .as(
                        "%d fuzz failures (replay with -Dflireo.fuzz.seed=%d):%n%s",
                        failures.size(), SEED, String.join("\n\n", failures))
                .isTrue();
        assertThat(growth).as("heap growth after %d requests", REQUESTS).isLessThan(HEAP_GROWTH_BOUND);
    }

    /** A clean stop writes the state file, and a new server loads it to the state the fuzzed one ended with. */
    private static String stateFileProblem(FlireoMockServer scratch) {
        JsonNode last = asParsed(flireo.state().export());
        FlireoMockServer.Shutdown stopped = flireo.server().shutdown(Duration.ZERO);
        if (stopped.stateFileProblem() != null) {
            return "the state file: " + stopped.stateFileProblem();
        }
        try {
            scratch.state().replace(Http.JSON.readTree(Files.readString(STATE_FILE)));
        } catch (java.io.IOException | RuntimeException e) {
            return "the state file does not load: " + e;
        }
        JsonNode loaded = asParsed(scratch.state().export());
        List<String> differing = new ArrayList<>();
        last.fieldNames().forEachRemaining(key -> {
            if (!last.get(key).equals(loaded.get(key))) {
                differing.add(key + ": " + RawHttp.abbreviate(String.valueOf(last.get(key)), 300) + " became "
                        + RawHttp.abbreviate(String.valueOf(loaded.get(key)), 300));
            }
        });
        return differing.isEmpty() ? null : "the state file loads to another state: " + String.join("; ", differing);
    }

    /** As a reader of the JSON sees it: the mock's trees may hold a long where parsing gives an int. */
    private static JsonNode asParsed(JsonNode node) {
        try {
            return Http.JSON.readTree(node.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path stateFile() {
        try {
            Path dir = Files.createTempDirectory("flireo-fuzz");
            dir.toFile().deleteOnExit();
            return dir.resolve("state.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The state as it is now; its ids are what the fuzzer sometimes puts into paths. */
    private JsonNode refreshState() {
        JsonNode state = flireo.state().export();
        ids.clear();
        state.forEach(collection -> collection.forEach(item -> {
            if (item.hasNonNull("id")) {
                ids.add(item.get("id").asText());
            }
        }));
        return state;
    }

    private static String report(int index, RequestFuzzer.Case c, RawHttp.Reply reply, String problem) {
        return "case " + index + " (seed " + SEED + "), " + c.route().operationId() + ", " + c.mutation() + ": "
                + problem + "\n  request: " + c.request().describe().replace("\n", "\n    ")
                + "\n  answer: " + reply.status() + " " + RawHttp.abbreviate(reply.body(), 500);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
