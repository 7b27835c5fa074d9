package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The schedule of a live call: when it rings, is answered and ends, how it ends, and where its tool-calls stand.
 * It is kept inside the stored call under keys starting with {@code _}, which the API never shows but exports and
 * the state file keep, so a call that was live when the state was saved goes on after a restart or an import. Only
 * this record reads and writes those keys.
 *
 * @param outcome       how the call ends once due: {@link Outcome#NAMES}
 * @param endReason     the {@code end_reason} of a call that runs its course ({@code user_hangup} or
 *                      {@code max_duration})
 * @param toolsAt       when the assistant's function tools are called; null until the call is answered
 * @param awaitingReply an inbound call whose assistant-request has not been answered yet: it rings on
 */
public record LiveCall(
        Instant ringingAt,
        Instant answerAt,
        Instant endAt,
        String outcome,
        String endReason,
        Duration talk,
        Instant toolsAt,
        boolean toolsSent,
        boolean awaitingReply) {

    private static final String TALK_SECONDS = "_talk_seconds";
    private static final String RINGING_AT = "_ringing_at";
    private static final String ANSWER_AT = "_answer_at";
    private static final String END_AT = "_end_at";
    private static final String OUTCOME = "_outcome";
    private static final String END_REASON = "_end_reason";
    private static final String TOOLS_AT = "_tools_at";
    private static final String TOOLS_SENT = "_tools_sent";
    private static final String AWAITING_REPLY = "_awaiting_reply";

    /** The schedule kept in a stored call; empty when it has none (a call that never went live, or a seed's). */
    public static Optional<LiveCall> of(ObjectNode call) {
        if (!call.has(RINGING_AT) || !call.has(ANSWER_AT) || !call.has(END_AT)) {
            return Optional.empty();
        }
        JsonNode talk = call.get(TALK_SECONDS);
        return Optional.of(new LiveCall(
                instant(call, RINGING_AT),
                instant(call, ANSWER_AT),
                instant(call, END_AT),
                call.path(OUTCOME).asText("completed"),
                call.path(END_REASON).asText(),
                talk == null ? null : Duration.ofSeconds(talk.asLong()),
                instant(call, TOOLS_AT),
                call.path(TOOLS_SENT).asBoolean(false),
                call.path(AWAITING_REPLY).asBoolean(false)));
    }

    /** Whether an inbound call is still waiting for the reply to its assistant-request (set before it is started). */
    static boolean awaitingReply(ObjectNode call) {
        return call.path(AWAITING_REPLY).asBoolean(false);
    }

    static void awaitReply(ObjectNode call, boolean awaiting) {
        if (awaiting) {
            call.put(AWAITING_REPLY, true);
        } else {
            call.remove(AWAITING_REPLY);
        }
    }

    /** Writes the schedule into the stored call, in the key order the mock has always exported. */
    public ObjectNode writeTo(ObjectNode call) {
        if (talk != null) {
            call.put(TALK_SECONDS, talk.toSeconds());
        }
        call.put(RINGING_AT, Json.timestamp(ringingAt));
        call.put(ANSWER_AT, Json.timestamp(answerAt));
        call.put(END_AT, Json.timestamp(endAt));
        call.put(OUTCOME, outcome);
        call.put(END_REASON, endReason);
        if (toolsAt != null) {
            call.put(TOOLS_AT, Json.timestamp(toolsAt));
        }
        if (toolsSent) {
            call.put(TOOLS_SENT, true);
        }
        awaitReply(call, awaitingReply);
        return call;
    }

    boolean ringsBy(Instant now) {
        return !ringingAt.isAfter(now);
    }

    boolean answeredBy(Instant now) {
        return !answerAt.isAfter(now) && !awaitingReply;
    }

    boolean endsBy(Instant now) {
        return !endAt.isAfter(now);
    }

    boolean toolsDueBy(Instant now) {
        return toolsAt != null && !toolsSent && !toolsAt.isAfter(now);
    }

    LiveCall answered(Duration toolsAfter) {
        return new LiveCall(
                ringingAt,
                answerAt,
                endAt,
                outcome,
                endReason,
                talk,
                answerAt.plus(toolsAfter),
                toolsSent,
                awaitingReply);
    }

    LiveCall withToolsSent() {
        return new LiveCall(ringingAt, answerAt, endAt, outcome, endReason, talk, toolsAt, true, awaitingReply);
    }

    LiveCall replied() {
        return new LiveCall(ringingAt, answerAt, endAt, outcome, endReason, talk, toolsAt, toolsSent, false);
    }

    /** Ends the talk after {@code max} when that is sooner than planned, as a maximum duration does. */
    LiveCall cappedAt(Duration max) {
        Duration planned = talk != null ? talk : Duration.ofSeconds(Long.MAX_VALUE);
        if (max.compareTo(planned) >= 0) {
            return this;
        }
        return new LiveCall(
                ringingAt,
                answerAt,
                answerAt.plus(max),
                outcome,
                "max_duration",
                talk,
                toolsAt,
                toolsSent,
                awaitingReply);
    }

    private static Instant instant(ObjectNode call, String key) {
        JsonNode value = call.get(key);
        return value == null || !value.isTextual() ? null : Instant.parse(value.asText());
    }
}
