package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.mock.internal.Route;
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

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().manualClock().demoData(true).build();

    private final List<String> ids = new ArrayList<>();

    @Test
    void malformedRequestsToEveryOperationAreRefusedCleanlyAndChangeNothing() {
        RequestFuzzer fuzzer = new RequestFuzzer(new Random(SEED), flireo.apiKey(),
                FlireoMockServer.DEFAULT_MAX_BODY_SIZE, () -> ids);
        List<Route> routes = SpecSamples.routes();
        List<String> failures = new ArrayList<>();
        JsonNode expected = refreshState();
        long heapAtStart = 0;
        long bytesSent = 0;
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
            if (problem != null) {
                failures.add(report(i, c, reply, problem));
            }
            expected = reply.status() < 300 ? refreshState() : now;
        }
        flireo.server().reset();
        long growth = usedHeapAfterGc() - heapAtStart;
        System.out.printf("fuzz: seed %d, %d requests to %d operations, %d MiB of bodies, heap growth %d KiB%n",
                SEED, REQUESTS, routes.size(), bytesSent >> 20, growth >> 10);

        assertThat(failures.isEmpty()).as("%d fuzz failures (replay with -Dflireo.fuzz.seed=%d):%n%s", failures.size(),
                SEED, String.join("\n\n", failures)).isTrue();
        assertThat(growth).as("heap growth after %d requests", REQUESTS).isLessThan(HEAP_GROWTH_BOUND);
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
