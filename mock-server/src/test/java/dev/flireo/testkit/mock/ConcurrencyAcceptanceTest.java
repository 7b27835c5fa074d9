package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().build();

    @Test
    void eightThreadsTimes500CreatesAreAllListedWithUniqueIds() throws Exception {
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Callable<List<String>> work = () -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    Http.Reply reply = Http.send("POST", flireo.baseUrl() + "/assistants", flireo.apiKey(),
                            "{\"name\":\"Agent " + thread + "-" + i + "\"}");
                    assertThat(reply.status()).isEqualTo(201);
                    ids.add(reply.json().at("/assistant/id").asText());
                }
                return ids;
            };
            results.add(pool.submit(work));
        }
        Set<String> created = new HashSet<>();
        for (Future<List<String>> f : results) {
            created.addAll(f.get());
        }
        pool.shutdown();
        assertThat(created).hasSize(threads * perThread);

        JsonNode listed = Http.send("GET", flireo.baseUrl() + "/assistants", flireo.apiKey(), null).json().get("assistants");
        Set<String> listedIds = new HashSet<>();
        listed.forEach(a -> listedIds.add(a.get("id").asText()));
        assertThat(listed.size()).isEqualTo(threads * perThread);
        assertThat(listedIds).isEqualTo(created);
    }

    @Test
    void concurrentRegistrationsOfOneNumberYieldExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            statuses.add(pool.submit(() -> Http.send("POST", flireo.baseUrl() + "/numbers", flireo.apiKey(),
                    "{\"phone_number\":\"+31850835037\"}").status()));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(201, 409);
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(1);
    }
}
