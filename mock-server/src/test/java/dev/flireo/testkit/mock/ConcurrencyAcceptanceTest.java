package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.receiver.ReceivedWebhook;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once, over real HTTP: no write lost or torn, no id twice, every call and webhook once. */
class ConcurrencyAcceptanceTest {

    private static final String SECRET = "whsec_soak";
    private static final int WORKERS = 8;
    private static final int CALLS = 24;

    /** 60 times real time: a 30 s call takes half a second. */
    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().timeScale(60))
            .build();

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
                    Http.Reply reply = Http.send(
                            "POST",
                            flireo.baseUrl() + "/assistants",
                            flireo.apiKey(),
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

        JsonNode listed = Http.send("GET", flireo.baseUrl() + "/assistants", flireo.apiKey(), null)
                .json()
                .get("assistants");
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
            statuses.add(pool.submit(() -> Http.send(
                            "POST",
                            flireo.baseUrl() + "/numbers",
                            flireo.apiKey(),
                            "{\"phone_number\":\"+31850835037\"}")
                    .status()));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(201, 409);
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(1);
    }

    /**
     * Eight clients create, rename and delete assistants and tool templates, rename one shared assistant and list,
     * while outbound calls run (two threads hang up every other one at once) and send their webhooks to a real
     * receiver. Afterwards every acknowledged write is visible with its last value, deleted items are gone, no id
     * is listed twice, pagination yields each call once, every call has ended and was billed once, and each
     * call's four webhooks arrived exactly once.
     */
    @Test
    void aSoakOfParallelWritesAndLiveCallsEndsInAConsistentState() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().requireSignature(SECRET)) {
            String caller = createAssistant("{\"name\":\"Caller\",\"webhook_url\":\"" + receiver.url()
                    + "\",\"webhook_secret\":\"" + SECRET + "\"}");
            Http.send("POST", flireo.baseUrl() + "/numbers", flireo.apiKey(), "{\"phone_number\":\"+31850835037\"}");
            String shared = createAssistant("{\"name\":\"Shared\"}");
            long deadline = System.nanoTime() + 15_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 3);
            List<Future<SoakWorker>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(pool.submit(new SoakWorker(flireo.baseUrl(), flireo.apiKey(), shared, w, 150, deadline)));
            }
            List<String> callIds = new CopyOnWriteArrayList<>();
            Future<?> dialing = pool.submit(() -> dialAll(caller, callIds));
            // Two threads hang up every other call at once: each call must still end, bill and report once.
            List<Future<?>> hangUps =
                    List.of(pool.submit(() -> hangUpEveryOther(callIds)), pool.submit(() -> hangUpEveryOther(callIds)));
            List<SoakWorker> done = new ArrayList<>();
            for (Future<SoakWorker> f : workers) {
                done.add(f.get());
            }
            dialing.get();
            for (Future<?> f : hangUps) {
                f.get();
            }
            pool.shutdown();

            assertThat(done).flatExtracting(w -> w.problems).isEmpty();
            assertWritesVisible(done, caller, shared);
            assertCallsEndedAndPagedOnce(callIds);
            assertEachCallBilledOnce(callIds);
            assertEachWebhookArrivedOnce(receiver, callIds.size(), caller);
        }
    }

    private static String createAssistant(String body) {
        return Http.send("POST", flireo.baseUrl() + "/assistants", flireo.apiKey(), body)
                .json()
                .at("/assistant/id")
                .asText();
    }

    private static Void dialAll(String assistant, List<String> ids) throws InterruptedException {
        for (int i = 0; i < CALLS; i++) {
            Http.Reply reply = Http.send(
                    "POST",
                    flireo.baseUrl() + "/calls/outbound",
                    flireo.apiKey(),
                    "{\"destination\":\"+3161234" + (5000 + i) + "\",\"agent_id\":\"" + assistant + "\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            ids.add(reply.json().get("call_id").asText());
            Thread.sleep(20);
        }
        return null;
    }

    /** Ends every other call once it is answered; a call the other thread (or the clock) ended first is 400. */
    private static Void hangUpEveryOther(List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int i = 0; i < CALLS && System.nanoTime() < deadline; i += 2) {
            while (ids.size() <= i && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            String call = flireo.baseUrl() + "/calls/" + ids.get(i);
            String status = "";
            while (!status.equals("in-progress") && !status.equals("ended") && System.nanoTime() < deadline) {
                status = Http.send("GET", call, flireo.apiKey(), null)
                        .json()
                        .path("status")
                        .asText();
                Thread.sleep(5);
            }
            Http.Reply reply = Http.send("POST", call + "/control", flireo.apiKey(), "{\"type\":\"end-call\"}");
            assertThat(reply.status()).as(reply.body()).isIn(200, 400);
        }
        return null;
    }

    /**
     * One usage log per call that lasted a second or more (one hung up as it was answered costs nothing), and the
     * prepaid balance charged by exactly their minutes (no charge lost).
     */
    private static void assertEachCallBilledOnce(List<String> callIds) {
        List<String> talked = callIds.stream()
                .filter(id -> Http.send("GET", flireo.baseUrl() + "/calls/" + id, flireo.apiKey(), null)
                                .json()
                                .path("duration_seconds")
                                .asLong()
                        > 0)
                .toList();
        JsonNode logs = Http.send("GET", flireo.baseUrl() + "/usage?limit=1000", flireo.apiKey(), null)
                .json()
                .get("logs");
        List<String> billed = new ArrayList<>();
        long minutes = 0;
        for (JsonNode log : logs) {
            billed.add(log.get("call_id").asText());
            minutes += log.get("minutes_used").asLong();
        }
        assertThat(billed).containsExactlyInAnyOrderElementsOf(talked);
        long balance = Http.send("GET", flireo.baseUrl() + "/account", flireo.apiKey(), null)
                .json()
                .get("minutes_balance")
                .asLong();
        assertThat(balance).isEqualTo(500 - minutes);
    }

    private static void assertWritesVisible(List<SoakWorker> workers, String caller, String shared) {
        Map<String, String> names = listed("/assistants", "assistants", "name");
        Map<String, String> descriptions = listed("/tool-templates", "tool_templates", "description");
        Map<String, String> expectedNames = new HashMap<>();
        Map<String, String> expectedDescriptions = new HashMap<>();
        Set<String> sharedTokens = new HashSet<>();
        for (SoakWorker w : workers) {
            expectedNames.putAll(w.assistants);
            expectedDescriptions.putAll(w.tools);
            sharedTokens.addAll(w.sharedTokens);
            w.deleted.forEach(id -> assertThat(
                            Http.send("GET", flireo.baseUrl() + "/assistants/" + id, flireo.apiKey(), null)
                                    .status())
                    .isIn(404));
        }
        expectedNames.put(caller, "Caller");
        expectedNames.put(shared, names.get(shared));
        assertThat(names).isEqualTo(expectedNames);
        assertThat(descriptions).isEqualTo(expectedDescriptions);
        JsonNode last = Http.send("GET", flireo.baseUrl() + "/assistants/" + shared, flireo.apiKey(), null)
                .json()
                .get("assistant");
        assertThat(last.get("first_message").asText())
                .as("one PATCH, both fields")
                .isEqualTo(last.get("name").asText());
        assertThat(sharedTokens).contains(last.get("name").asText());
    }

    /** Every item of a list by id, failing on an id listed twice. */
    private static Map<String, String> listed(String path, String key, String field) {
        Map<String, String> out = new HashMap<>();
        Http.send("GET", flireo.baseUrl() + path, flireo.apiKey(), null)
                .json()
                .get(key)
                .forEach(item -> assertThat(out.put(
                                item.get("id").asText(), item.path(field).asText()))
                        .as("listed twice")
                        .isNull());
        return out;
    }

    private static void assertCallsEndedAndPagedOnce(List<String> callIds) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (String id : callIds) {
            String status = "";
            while (!status.equals("ended") && System.nanoTime() < deadline) {
                status = Http.send("GET", flireo.baseUrl() + "/calls/" + id, flireo.apiKey(), null)
                        .json()
                        .path("status")
                        .asText();
                Thread.sleep(status.equals("ended") ? 0 : 50);
            }
            assertThat(status).as("call " + id).isEqualTo("ended");
        }
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset <= callIds.size(); offset += 5) {
            JsonNode page = Http.send(
                            "GET", flireo.baseUrl() + "/calls?limit=5&offset=" + offset, flireo.apiKey(), null)
                    .json();
            assertThat(page.at("/pagination/total").asInt()).isEqualTo(callIds.size());
            page.get("calls").forEach(c -> paged.add(c.get("id").asText()));
        }
        assertThat(paged).hasSize(callIds.size()).containsExactlyInAnyOrderElementsOf(callIds);
    }

    /**
     * Per call, in this order (a call's webhooks go out one after the other): ringing, in-progress, ended, report;
     * each once, signed.
     */
    private static void assertEachWebhookArrivedOnce(WebhookReceiver receiver, int calls, String caller) {
        receiver.awaitReceived(4 * calls);
        flireo.awaitDeliveries(4 * calls, Duration.ofSeconds(20));
        awaitMarkerCall(receiver, caller);
        List<ReceivedWebhook> ofTheSoak = receiver.received().stream()
                .filter(r -> r.path().equals("/webhooks"))
                .toList();
        Map<String, List<String>> byCall = new HashMap<>();
        ofTheSoak.forEach(r -> byCall.computeIfAbsent(
                        r.json().at("/message/call/id").asText(), k -> new ArrayList<>())
                .add(r.event() + " " + r.json().at("/message/call/status").asText()));
        assertThat(byCall).hasSize(calls);
        assertThat(byCall.values())
                .allSatisfy(events -> assertThat(events)
                        .containsExactly(
                                "status-update ringing",
                                "status-update in-progress",
                                "status-update ended",
                                "end-of-call-report ended"));
        assertThat(ofTheSoak).allSatisfy(r -> assertThat(r.signedWith(SECRET)).isTrue());
        assertThat(flireo.deliveries())
                .filteredOn(d -> !d.request().target().getPath().equals("/marker"))
                .hasSize(4 * calls)
                .allSatisfy(d -> assertThat(d.passed()).isTrue());
    }

    /**
     * Instead of pausing for a late duplicate: one more call, dialed after every soak call has ended, reports to
     * {@code /marker}. Each soak delivery was queued before it, when its call changed state, so once the marker's
     * report is in, a duplicate would have been too.
     */
    private static void awaitMarkerCall(WebhookReceiver receiver, String caller) {
        String marker = createAssistant("{\"name\":\"Marker\",\"webhook_url\":\"" + receiver.url("/marker")
                + "\",\"webhook_events\":[\"end-of-call-report\"]}");
        Http.send(
                "POST",
                flireo.baseUrl() + "/calls/outbound",
                flireo.apiKey(),
                "{\"destination\":\"+31612345678\",\"agent_id\":\"" + marker + "\"}");
        receiver.awaitMatching(r -> r.path().equals("/marker"), Duration.ofSeconds(20));
    }
}
