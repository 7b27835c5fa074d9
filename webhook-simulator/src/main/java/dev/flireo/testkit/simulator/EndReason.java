package dev.flireo.testkit.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a call ended: the one vocabulary of {@code end_reason} ({@code endedReason} in the Flireo dialect) in the
 * spec, the scenarios, the mock's REST calls and its webhooks. The platform's newest SDK (v2.2.0, {@code src/types.ts}
 * {@code EndOfCallReportPayload.end_reason}) documents the style and two words, {@code user_hangup} and
 * {@code max_duration}; the rest are inferred in the same style for the endings the toolkit plays.
 */
public enum EndReason {
    /** The caller hung up (documented). */
    USER_HANGUP,
    /** The call reached {@code max_duration_seconds} (documented). */
    MAX_DURATION,
    /** The assistant ended the call: its end_call tool or a closing phrase (inferred). */
    ASSISTANT_HANGUP,
    /** Ended through the call-control API ({@code end-call}, or {@code say} with {@code end_after}) (inferred). */
    API_END_CALL,
    /** Handed over to another number (inferred; the call status {@code transferred} is documented). */
    TRANSFERRED,
    /** An outbound call nobody answered (inferred). */
    NO_ANSWER,
    /** An outbound call to a busy line (inferred). */
    BUSY,
    /** An outbound call answered by voicemail (inferred). */
    VOICEMAIL,
    /** Autonomous silence handling hung up on a silent caller (inferred). */
    SILENCE_TIMEOUT,
    /** The assistant-request reply rejected the call with {@code error} (inferred). */
    ASSISTANT_REQUEST_REJECTED,
    /** A failure of the speech or language pipeline; the call is {@code ended-with-error} (inferred). */
    PIPELINE_ERROR,
    /** The number has no assistant, so the call could not start (inferred). */
    NO_ASSISTANT,
    /** The organisation has no minutes left, so the call could not start (inferred). */
    INSUFFICIENT_CREDITS;

    /** The word on the wire, e.g. {@code user_hangup}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason with this wire name. */
    public static EndReason fromWireName(String word) {
        for (EndReason reason : values()) {
            if (reason.wireName().equals(word)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown end reason '" + word + "'; expected one of " + words());
    }

    /** Every wire name, comma-separated, for messages. */
    public static String words() {
        return Arrays.stream(values()).map(EndReason::wireName).collect(Collectors.joining(", "));
    }
}
