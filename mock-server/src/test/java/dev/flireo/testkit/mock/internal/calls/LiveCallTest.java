package dev.flireo.testkit.mock.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.mock.internal.Deliveries;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.Resource;
import dev.flireo.testkit.mock.internal.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The typed schedule of a live call reads and writes exactly the keys the mock has always kept in the stored call, so
 * exports, state files and imports written before it still load, and those written now look as they always did.
 */
class LiveCallTest {

    /** A live call's schedule as the mock stored, exported and wrote it to state files before it was typed. */
    private static final String STORED_BEFORE = """
            {"id":"call-outbound-abc","status":"in-progress","_talk_seconds":30,
             "_ringing_at":"2025-12-13T10:00:01.000Z","_answer_at":"2025-12-13T10:00:04.000Z",
             "_end_at":"2025-12-13T10:00:34.000Z","_outcome":"voicemail","_end_reason":"user_hangup",
             "_tools_at":"2025-12-13T10:00:06.000Z","_tools_sent":true}""";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-12-13T10:00:00Z"));
    private final MockContext ctx = new MockContext(new StateStore(), now::get);
    private final Calls calls = new Calls(ctx, new Deliveries(), Dialect.VOICEDOCK);

    @Test
    void aScheduleStoredBeforeItWasTypedIsReadAndWrittenBackUnchanged() throws Exception {
        ObjectNode stored = (ObjectNode) Json.parse(STORED_BEFORE);

        LiveCall call = LiveCall.of(stored).orElseThrow();

        assertThat(call.answerAt()).isEqualTo(Instant.parse("2025-12-13T10:00:04Z"));
        assertThat(call.endAt()).isEqualTo(Instant.parse("2025-12-13T10:00:34Z"));
        assertThat(call.outcome()).isEqualTo("voicemail");
        assertThat(call.talk()).isEqualTo(Duration.ofSeconds(30));
        assertThat(call.toolsSent()).isTrue();
        ObjectNode written = call.writeTo(stored.deepCopy());
        assertThat(written.toString()).isEqualTo(stored.toString()); // the same JSON: keys, order and values
    }

    @Test
    void aCallWithoutAScheduleHasNoLiveView() throws Exception {
        assertThat(LiveCall.of((ObjectNode) Json.parse("{\"id\":\"c\",\"status\":\"ended\"}")))
                .isEmpty();
    }

    @Test
    void anOutboundCallIsStoredWithTheKeysItAlwaysHadAndMovesOnTheClock() {
        ctx.collection(Resource.ASSISTANTS)
                .insert(Json.object().put("id", "a1").put("name", "Support").put("first_message", "Hallo"));
        ctx.collection(Resource.NUMBERS).insert(Json.object().put("id", "n1").put("phone_number", "+31850835037"));

        ObjectNode placed =
                calls.placeOutbound(Json.object().put("assistant_id", "a1").put("destination", "+31612345678"));

        assertThat(fieldNames(placed))
                .containsExactly(
                        "id",
                        "created_at",
                        "updated_at",
                        "status",
                        "direction",
                        "caller_phone",
                        "assistant_phone",
                        "end_reason",
                        "error",
                        "started_at",
                        "ended_at",
                        "duration_seconds",
                        "summary",
                        "agent_name",
                        "business_name",
                        "room_name",
                        "recording_url",
                        "analysis_result",
                        "messages",
                        "agent_id",
                        "number_id",
                        "phone_number",
                        "_number_name",
                        "_webhook_id",
                        "_assistant",
                        "_first_message",
                        "_talk_seconds",
                        "_ringing_at",
                        "_answer_at",
                        "_end_at",
                        "_outcome",
                        "_end_reason");
        String id = placed.get("id").asText();
        now.set(now.get().plus(Duration.ofSeconds(4)));
        ObjectNode answered = calls.get(id);
        assertThat(answered.get("status").asText()).isEqualTo("in-progress");
        assertThat(answered.get("started_at").asText()).isEqualTo("2025-12-13T10:00:04.000Z");
        assertThat(LiveCall.of(answered).orElseThrow().toolsAt()).isEqualTo(Instant.parse("2025-12-13T10:00:06Z"));
        now.set(now.get().plus(Duration.ofSeconds(30)));
        ObjectNode ended = calls.get(id);
        assertThat(ended.get("status").asText()).isEqualTo("ended");
        assertThat(ended.get("duration_seconds").asLong()).isEqualTo(30);
        assertThat(Billing.minutesBalance(ctx)).isEqualTo(499);
        assertThat(ctx.collection(Resource.USAGE).list())
                .singleElement()
                .satisfies(log -> assertThat(log.get("cost").asDouble()).isEqualTo(0.07));
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
