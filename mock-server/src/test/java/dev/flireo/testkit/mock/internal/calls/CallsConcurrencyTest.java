package dev.flireo.testkit.mock.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.Deliveries;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.Resource;
import dev.flireo.testkit.mock.internal.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Calls ended from many threads at once (control commands beside the clock) are each ended and billed once. */
class CallsConcurrencyTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-12-13T10:00:00Z"));
    private final MockContext ctx = new MockContext(new StateStore(), now::get);
    private final Webhooks webhooks =
            new Webhooks(ctx, new Deliveries(), dev.flireo.testkit.contracts.Dialect.VOICEDOCK);
    private final Lifecycle lifecycle = new Lifecycle(ctx, webhooks);

    @Test
    void callsEndedConcurrentlyAreBilledExactlyOnceEach() throws Exception {
        int calls = 2000;
        Billing.setMinutesBalance(ctx, 100_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            ObjectNode call = StoredCall.create(ctx, MockContext.uuid(), "outbound", "dialing", null, null);
            ids.add(lifecycle.start(call, null, false, null).get("id").asText());
        }
        now.set(now.get().plus(Duration.ofSeconds(10)));
        lifecycle.tick(); // every call answered at 4 s, 6 s into its talk
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> ended = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            ended.add(pool.submit(() -> {
                start.await();
                int count = 0;
                // Every call is ended by two threads: once it may end, once only.
                for (int i = first % (threads / 2); i < calls; i += threads / 2) {
                    count += lifecycle.end(ids.get(i), "ended", "api_end_call", null, now.get()) ? 1 : 0;
                }
                return count;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : ended) {
            total += f.get();
        }
        pool.shutdown();

        assertThat(total).isEqualTo(calls);
        assertThat(ctx.collection(Resource.USAGE).size()).isEqualTo(calls);
        assertThat(Billing.minutesBalance(ctx)).isEqualTo(100_000 - calls);
    }
}
