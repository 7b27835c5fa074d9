package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export/import round-trips exactly, and {@code stateFile} keeps the whole state across restarts. */
class DurableStateAcceptanceTest {

    private static final Instant START = Instant.parse("2025-12-15T09:30:00Z");

    @TempDir
    Path dir;

    private static Http.Reply api(FlireoMockServer mock, String method, String path, String body) {
        return Http.send(method, mock.baseUrl() + path, mock.apiKey(), body);
    }

    private static Http.Reply admin(FlireoMockServer mock, String method, String path, String body) {
        return Http.send(method, mock.adminUrl() + path, null, body);
    }

    /** Demo data plus a bit of everything: resources, an ended and a live call, usage, credit, the legacy API. */
    private static void makeHistory(FlireoMockServer mock) {
        String agent = api(
                        mock,
                        "POST",
                        "/assistants",
                        "{\"name\":\"Sales\",\"first_message\":\"Hoi\","
                                // A secret but no webhook_url: no delivery may change a call while the two exports are
                                // taken.
                                + "\"webhook_secret\":\"whsec_round_trip\"}")
                .json()
                .at("/assistant/id")
                .asText();
        api(mock, "POST", "/numbers", "{\"phone_number\":\"+31851112222\",\"agent_id\":\"" + agent + "\"}");
        String dial = "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}";
        api(mock, "POST", "/calls/outbound", dial);
        mock.clock().advance(Duration.ofSeconds(40)); // the first call has ended and is billed
        api(mock, "POST", "/calls/outbound", dial);
        mock.clock().advance(Duration.ofSeconds(10)); // the second is in progress
        admin(
                mock,
                "POST",
                "/calls/inbound",
                "{\"phone_number\":\"+31851112222\",\"customer_number\":\"+31699998888\"}");
        Http.send("POST", mock.legacyBaseUrl() + "/assistants", mock.apiKey(), "{\"name\":\"Receptie\"}");
        Http.send(
                "POST",
                mock.legacyBaseUrl() + "/phone-numbers",
                mock.apiKey(),
                "{\"phone_number\":\"+31850000001001\",\"number_type\":\"national\"}");
        admin(mock, "PUT", "/credit", "{\"minutes_balance\":123.5}");
    }

    private static Set<String> ids(JsonNode state) {
        Set<String> ids = new HashSet<>();
        state.fields()
                .forEachRemaining(f -> f.getValue().forEach(item -> {
                    if (item.has("id")) {
                        ids.add(item.get("id").asText());
                    }
                }));
        return ids;
    }

    @Test
    void exportThenImportIntoAFreshServerExportsTheSameBytes() {
        try (FlireoMockServer first = FlireoMockServer.options()
                        .manualClock(START)
                        .demoData(true)
                        .start();
                FlireoMockServer second =
                        FlireoMockServer.options().manualClock(START).start()) {
            makeHistory(first);
            // With the secrets, as a state file holds them: the round trip must lose nothing.
            String exported =
                    admin(first, "GET", "/state?secrets=include", null).body();
            JsonNode document =
                    admin(first, "GET", "/state?secrets=include", null).json();
            assertThat(document.get("assistants").findValuesAsText("webhook_secret"))
                    .contains("whsec_round_trip");
            assertThat(document.get("calls")).hasSize(6);
            assertThat(document.get("calls").findValuesAsText("status")).contains("ended", "in-progress");
            assertThat(document.get("usage")).hasSize(4);

            assertThat(admin(second, "PUT", "/state", exported).status()).isEqualTo(200);
            String reExported =
                    admin(second, "GET", "/state?secrets=include", null).body();

            assertThat(reExported).isEqualTo(exported);
            assertThat(admin(second, "GET", "/state?secrets=include", null).json())
                    .isEqualTo(document);
            assertThat(api(second, "GET", "/assistants", null)
                            .json()
                            .get("assistants")
                            .findValuesAsText("name"))
                    .containsExactly("Support Agent", "Sales");
        }
    }

    /** A second server whose clock starts where the first one's is now, as after a restart. */
    private static FlireoMockServer successorOf(FlireoMockServer first) {
        return FlireoMockServer.options().manualClock(first.clock().now()).start();
    }

    @Test
    void newIdsAfterAnImportNeverCollideWithImportedOnes() {
        try (FlireoMockServer first =
                FlireoMockServer.options().manualClock(START).demoData(true).start()) {
            makeHistory(first);
            try (FlireoMockServer second = successorOf(first)) {
                newResourcesAfterImport(first, second);
            }
        }
    }

    private static void newResourcesAfterImport(FlireoMockServer first, FlireoMockServer second) {
        JsonNode imported = first.state().export();
        second.state().replace(imported);
        Set<String> before = ids(imported);

        String agent = api(second, "POST", "/assistants", "{\"name\":\"After\"}")
                .json()
                .at("/assistant/id")
                .asText();
        api(second, "POST", "/calls/outbound", "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}");
        second.clock().advance(Duration.ofSeconds(60));
        Http.Reply available =
                Http.send("GET", second.legacyBaseUrl() + "/phone-numbers/available?limit=10", second.apiKey(), null);

        Set<String> created = ids(second.state().export());
        created.removeAll(before);
        // the assistant, the call, and the usage logs of it and of the two imported calls that were live
        assertThat(created).hasSize(5);
        assertThat(available.json().get("data").findValuesAsText("phone_number"))
                .hasSize(10)
                .doesNotContain("+31850000001001"); // owned since before the import
        assertThat(second.state().list("calls"))
                .hasSize(7)
                .extracting(c -> c.get("id").asText())
                .doesNotHaveDuplicates();
    }

    @Test
    void theLiveCallsOfAnImportedStateGoOnThroughTheirLifecycle() {
        try (FlireoMockServer first =
                FlireoMockServer.options().manualClock(START).demoData(true).start()) {
            makeHistory(first);
            FlireoMockServer second = successorOf(first);
            second.state().replace(first.state().export());
            second.clock().advance(Duration.ofSeconds(60));
            assertThat(second.state().list("calls"))
                    .extracting(c -> c.get("status").asText())
                    .containsOnly("ended");
            second.stop();
        }
    }

    @Test
    void theStateFileIsWrittenAfterChangesAndAtStopAndWinsOverDemoDataAtTheNextStart() throws Exception {
        Path file = dir.resolve("state/flireo.json");
        JsonNode atStop;
        try (FlireoMockServer mock = FlireoMockServer.options()
                .manualClock(START)
                .demoData(true)
                .stateFile(file)
                .start()) {
            assertThat(Http.JSON.readTree(file.toFile()).get("assistants")).hasSize(1); // written at start
            makeHistory(mock);
            awaitFile(file, state -> state.get("assistants").size() == 2);
            api(mock, "POST", "/assistants", "{\"name\":\"Last\"}");
            mock.stop();
            atStop = mock.state().export();
        }
        assertThat(Http.JSON.readTree(file.toFile())).isEqualTo(Http.JSON.readTree(atStop.toString()));
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left

        try (FlireoMockServer again = FlireoMockServer.options()
                .manualClock(START)
                .demoData(true)
                .stateFile(file)
                .start()) {
            assertThat(again.state().export().toString()).isEqualTo(atStop.toString());
            again.reset(); // reset: the start state without the file
            assertThat(again.state().list("assistants"))
                    .extracting(a -> a.get("name").asText())
                    .containsExactly("Support Agent");
            awaitFile(file, state -> state.get("assistants").size() == 1);
        }
    }

    private static void awaitFile(Path file, java.util.function.Predicate<JsonNode> written) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!written.test(Http.JSON.readTree(file.toFile()))) {
            assertThat(System.nanoTime())
                    .as("the state file should follow a change within 10 s")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aFileThatIsNotAMockStateStopsTheStartNamesTheProblemAndIsLeftUntouched() throws IOException {
        record Case(String content, String problem) {}
        for (Case c : List.of(
                new Case("{\"assistants\": [{\"id\": \"a\"}", "is not valid JSON: Unexpected end-of-input"),
                new Case("", "is empty; expected the JSON object that GET /__flireo/state exports"),
                new Case("{\"robots\": []}", "is not a mock state: Unknown state key 'robots'"),
                new Case(
                        "{\"assistants\": [{\"name\": \"no id\"}]}",
                        "is not a mock state: assistants[0] needs an id"))) {
            Path file = Files.writeString(dir.resolve("broken.json"), c.content());
            StateFileException e = catchThrowableOfType(
                    StateFileException.class,
                    () -> FlireoMockServer.options()
                            .demoData(true)
                            .stateFile(file)
                            .start());
            assertThat(e).as(c.content()).isNotNull();
            assertThat(e.getMessage())
                    .startsWith("state file " + file.toAbsolutePath())
                    .contains(c.problem());
            assertThat(e.file()).isEqualTo(file);
            assertThat(Files.readString(file)).isEqualTo(c.content());
        }
        StateFileException unreadable = catchThrowableOfType(
                StateFileException.class,
                () -> FlireoMockServer.options().stateFile(dir).start());
        assertThat(unreadable.getMessage()).startsWith("cannot read state file " + dir.toAbsolutePath());
    }

    @Test
    void aPathThatCannotHoldAFileStopsTheStart() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        Path file = blocker.resolve("flireo.json");
        StateFileException e = catchThrowableOfType(
                StateFileException.class,
                () -> FlireoMockServer.options().stateFile(file).start());
        assertThat(e.getMessage()).startsWith("cannot read state file " + file).contains("Not a directory");
    }
}
