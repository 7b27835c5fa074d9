package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A state exported (or written to a state file) by the mock before live calls were typed still loads: the call that
 * was live in it goes on through its lifecycle, is billed, and the API never shows the mock's own keys.
 */
class LiveCallStateAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options()
                    .manualClock(Instant.parse("2025-12-13T10:00:10Z"))
                    .demoData(false))
            .build();

    /** As {@code GET /__flireo/state} exported it: a call answered at 10:00:04 that talks until 10:00:34. */
    private static final String EXPORTED_BEFORE = """
            {"assistants":[{"id":"a1","name":"Support Agent","business_name":"Acme Corp","is_active":true,
              "created_at":"2025-12-13T09:00:00.000Z","updated_at":"2025-12-13T09:00:00.000Z"}],
             "numbers":[{"id":"n1","phone_number":"+31850835037","name":"Main line","agent_id":"a1","is_active":true,
              "created_at":"2025-12-13T09:00:00.000Z","updated_at":"2025-12-13T09:00:00.000Z"}],
             "calls":[{"id":"call-outbound-OLD0000000001","created_at":"2025-12-13T10:00:00.000Z",
              "updated_at":"2025-12-13T10:00:04.000Z","status":"in-progress","direction":"outbound",
              "caller_phone":"+31612345678","assistant_phone":"+31850835037","end_reason":null,"error":null,
              "started_at":"2025-12-13T10:00:04.000Z","ended_at":null,"duration_seconds":null,"summary":null,
              "agent_name":"Support Agent","business_name":"Acme Corp","room_name":"outbound-abcdefgh",
              "recording_url":null,"analysis_result":null,"messages":[],"agent_id":"a1","number_id":"n1",
              "phone_number":"+31850835037","_number_name":"Main line",
              "_webhook_id":"7d6f3a52-6a43-4f7e-9d53-1f0f3c2b9a11","_first_message":"",
              "_talk_seconds":30,"_ringing_at":"2025-12-13T10:00:01.000Z","_answer_at":"2025-12-13T10:00:04.000Z",
              "_end_at":"2025-12-13T10:00:34.000Z","_outcome":"completed","_end_reason":"user_hangup",
              "_tools_at":"2025-12-13T10:00:06.000Z","_tools_sent":true}],
             "account":{"id":"o1","name":"Flireo Testkit Demo","minutes_balance":500}}""";

    private static Http.Reply admin(String method, String path, String body) {
        return Http.send(method, flireo.adminUrl() + path, null, body);
    }

    private static JsonNode call(String id) {
        Http.Reply reply = Http.send("GET", flireo.baseUrl() + "/calls/" + id, flireo.apiKey(), null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aLiveCallOfAnEarlierExportGoesOnAfterItIsImported() throws Exception {
        JsonNode document = Http.JSON.readTree(EXPORTED_BEFORE);
        assertThat(admin("PUT", "/state", EXPORTED_BEFORE).status()).isEqualTo(200);
        String id = "call-outbound-OLD0000000001";

        JsonNode live = call(id);
        assertThat(live.get("status").asText()).isEqualTo("in-progress");
        live.fieldNames().forEachRemaining(name -> assertThat(name).doesNotStartWith("_"));
        // Exported again, the live call is what was imported: the same keys, the same values.
        assertThat(admin("GET", "/state/calls", null).json().get(0))
                .isEqualTo(document.get("calls").get(0));

        admin("POST", "/clock/advance", "{\"seconds\":24}");
        JsonNode ended = call(id);
        assertThat(ended.get("status").asText()).isEqualTo("ended");
        assertThat(ended.get("end_reason").asText()).isEqualTo("user_hangup");
        assertThat(ended.get("ended_at").asText()).isEqualTo("2025-12-13T10:00:34.000Z");
        assertThat(ended.get("duration_seconds").asLong()).isEqualTo(30);
        JsonNode account = Http.send("GET", flireo.baseUrl() + "/account", flireo.apiKey(), null)
                .json();
        assertThat(account.get("minutes_balance").asLong()).isEqualTo(499);
    }
}
