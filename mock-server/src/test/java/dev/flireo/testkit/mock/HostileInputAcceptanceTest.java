package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The findings of issue #14 that an outside QA run made with hostile requests, each as a request over real HTTP to
 * both APIs: nothing stored that cannot be served again, server-owned fields kept the server's, no 5xx, strict UTF-8.
 */
class HostileInputAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options().manualClock().demoData(true)))
            .build();

    private static String nested(int levels) {
        return "[".repeat(levels - 1) + "]".repeat(levels - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/assistants", "/v1/assistants"})
    void aBodyNestedDeeperThanTheLimitIsRefusedNamingItAndLeavesNoTrace(String path) {
        JsonNode before = flireo.state().export();
        // {"name": "x", "metadata": [[...]]}: the object is level 1, so 64 levels of arrays make 65.
        String body = "{\"name\":\"Deep\",\"metadata\":" + nested(65) + "}";
        RawHttp.Reply reply = post(path, body.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("deeper than the limit of 64 levels");
        assertThat(flireo.state().export()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/assistants", "/v1/assistants"})
    void aBodyAtTheLimitIsStoredAndCanBeListedExportedAndLoadedAgain(String path) {
        String body = "{\"name\":\"Deep\",\"metadata\":" + nested(64) + "}";
        RawHttp.Reply created = post(path, body.getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(get(path).status()).isEqualTo(200);
        RawHttp.Reply state = get("/__flireo/state?secrets=include");
        assertThat(state.status()).isEqualTo(200);
        RawHttp.Reply put = RawHttp.exchange(
                flireo.port(), request("PUT", "/__flireo/state", state.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(get("/__flireo/state?secrets=include").body()).isEqualTo(state.body());
    }

    @Test
    void serverOwnedFieldsInACreateAreIgnored() throws Exception {
        String existing = flireo.state().list("assistants").get(0).get("id").asText();
        JsonNode before = flireo.state().get("assistants", existing).orElseThrow();
        RawHttp.Reply reply = post(
                "/api/v1/assistants",
                ("{\"name\":\"Shadow\",\"id\":\"" + existing + "\","
                                + "\"created_at\":\"1999-01-01T00:00:00.000Z\",\"org_id\":\"00000000-0000-0000-0000-000000000000\","
                                + "\"_assistant\":{}}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode assistant = Http.JSON.readTree(reply.body()).get("assistant");
        assertThat(assistant.get("id").asText()).isNotEqualTo(existing).matches("[0-9a-f-]{36}");
        assertThat(assistant.get("created_at").asText()).isNotEqualTo("1999-01-01T00:00:00.000Z");
        assertThat(assistant.has("org_id")).isFalse();
        assertThat(flireo.state().get("assistants", existing).orElseThrow()).isEqualTo(before);
        assertThat(flireo.state().get("assistants", assistant.get("id").asText()))
                .isPresent();
    }

    @Test
    void computedCountsAndBalancesInACreateAreIgnored() throws Exception {
        String agent = flireo.state().list("assistants").get(0).get("id").asText();
        RawHttp.Reply campaign = post(
                "/api/v1/campaigns",
                ("{\"name\":\"Counted\",\"agent_id\":\"" + agent + "\","
                                + "\"schedule_start_time\":\"09:00:00\",\"schedule_end_time\":\"17:00:00\",\"timezone\":\"Europe/Amsterdam\","
                                + "\"total_leads\":99,\"completed_leads\":98,\"org_id\":\"x\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        JsonNode created = Http.JSON.readTree(campaign.body()).path("campaign");
        assertThat(created.path("total_leads").asInt()).isZero();
        assertThat(created.path("completed_leads").asInt()).isZero();
        assertThat(created.has("org_id")).isFalse();

        RawHttp.Reply org = post(
                "/api/v1/organizations",
                "{\"name\":\"Child\",\"minutes_balance\":1000000,\"active_calls\":99}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        String id = Http.JSON.readTree(org.body()).get("id").asText();
        JsonNode stored = flireo.state().get("organizations", id).orElseThrow();
        assertThat(stored.has("minutes_balance")).isFalse();
        assertThat(stored.has("active_calls")).isFalse();
    }

    @Test
    void serverOwnedFieldsInAnUpdateAreIgnoredOnBothApis() throws Exception {
        String id = flireo.state().list("assistants").get(0).get("id").asText();
        RawHttp.Reply reply = RawHttp.exchange(
                flireo.port(),
                request(
                        "PATCH",
                        "/api/v1/assistants/" + id,
                        "{\"name\":\"Renamed\",\"id\":\"other\",\"created_at\":\"1999-01-01T00:00:00.000Z\"}"
                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode stored = flireo.state().get("assistants", id).orElseThrow();
        assertThat(stored.get("name").asText()).isEqualTo("Renamed");
        assertThat(stored.get("id").asText()).isEqualTo(id);
        assertThat(stored.get("created_at").asText()).isNotEqualTo("1999-01-01T00:00:00.000Z");

        RawHttp.Reply legacy = post(
                "/v1/contacts",
                "{\"name\":\"Piet\",\"phone_number\":\"+31612345678\",\"id\":\"mine\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(legacy.status()).as(legacy.body()).isLessThan(300);
        assertThat(flireo.state().get("legacy_contacts", "mine")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/calls?offset=2147483648",
                "/api/v1/calls?limit=2147483648",
                "/api/v1/usage?offset=99999999999",
                "/v1/phone-numbers/available?limit=2147483648"
            })
    void aHugeOffsetOrLimitIsA400NamingIt(String target) {
        RawHttp.Reply reply = get(target);
        String param = target.replaceAll(".*[?&](\\w+)=.*", "$1");
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains(param).contains("2147483647");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/assistants", "/v1/assistants"})
    void aNumberBeyondADoubleIsRefusedNamingTheField(String path) {
        RawHttp.Reply reply =
                post(path, "{\"name\":\"Big\",\"max_duration_seconds\":1e400}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("max_duration_seconds").contains("beyond the range of a double");
    }

    @Test
    void anUnpairedSurrogateEscapeIsRefused() {
        RawHttp.Reply reply = post("/api/v1/assistants", "{\"name\":\"a\\ud800b\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("name").contains("unpaired");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "C0AF:overlong",
                "F4908080:beyond U+10FFFF",
                "EDA080:surrogate",
                "E282:truncated",
                "FF:never occurs",
                "80:continuation",
                "00:NUL"
            })
    void invalidUtf8IsRefusedNamingTheBytePosition(String bytesAndWhat) {
        String[] parts = bytesAndWhat.split(":");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"abc".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(java.util.HexFormat.of().parseHex(parts[0]));
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/api/v1/assistants", "/v1/assistants")) {
            JsonNode before = flireo.state().export();
            RawHttp.Reply reply = post(path, body.toByteArray());
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(400);
            assertThat(reply.body()).contains("byte offset 12").contains(parts[1]);
            assertThat(flireo.state().export()).isEqualTo(before);
        }
    }

    @Test
    void anHttp09RequestLineIsA400() {
        RawHttp.Reply reply = RawHttp.exchangeBytes(
                flireo.port(), "GET /api/v1/assistants\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("HTTP version");
    }

    @Test
    void contentLengthBesideTransferEncodingIsA400() {
        RawHttp.Reply reply = RawHttp.exchangeBytes(
                flireo.port(),
                ("POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\n"
                                + "Authorization: Bearer k\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                + "5\r\n{\"a\":\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("Transfer-Encoding");
    }

    private static RawHttp.Request request(String method, String target, byte[] body) {
        List<String[]> headers = RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer " + flireo.apiKey());
        if (body.length > 0) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        return new RawHttp.Request(method, target, headers, body, false);
    }

    private static RawHttp.Reply post(String path, byte[] body) {
        return RawHttp.exchange(flireo.port(), request("POST", path, body));
    }

    private static RawHttp.Reply get(String target) {
        return RawHttp.exchange(flireo.port(), request("GET", target, new byte[0]));
    }
}
