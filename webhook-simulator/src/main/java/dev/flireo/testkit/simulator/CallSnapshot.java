package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the platform knows about one call at the moment it sends an event; {@link CallEvents} renders it.
 * Optional parts are {@code null} (or empty lists) when absent.
 *
 * @param callId          the call's UUID, the same in every event of the call
 * @param phoneNumber     the platform number (E.164) that was called or that calls; {@code null} on web calls
 * @param phoneNumberName display name of that number, e.g. {@code Flireo Demo}
 * @param customerNumber  the other party (E.164); {@code null} on web calls
 * @param timestamp       when the event happened
 * @param toolCalls       the tool calls of a tool-calls event
 * @param durationSeconds talk time so far, reported by end-of-call-report
 * @param summary         the AI summary of end-of-call-report
 * @param analysis        structured analysis of end-of-call-report
 * @param messages        the transcript so far
 * @param error           why the call ended with an error
 * @param endedReason     why the call ended, e.g. {@code user_hangup} (see {@link EndReason})
 * @param metadata        metadata returned by the assistant-request reply, echoed in later events
 * @param startedAt       when the call was answered, reported by end-of-call-report; {@code null} when it never was
 * @param endedAt         when the call ended, reported by end-of-call-report
 */
public record CallSnapshot(
        String callId,
        CallType callType,
        CallStatus status,
        String phoneNumber,
        String phoneNumberName,
        String customerNumber,
        Instant timestamp,
        List<ToolCall> toolCalls,
        double durationSeconds,
        String summary,
        ObjectNode analysis,
        List<ChatMessage> messages,
        String error,
        String endedReason,
        ObjectNode metadata,
        Instant startedAt,
        Instant endedAt) {

    public CallSnapshot {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callType, "callType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** A call at its start: no tool calls, transcript, report or error yet. */
    public static CallSnapshot start(
            String callId,
            CallType callType,
            CallStatus status,
            String phoneNumber,
            String phoneNumberName,
            String customerNumber,
            Instant timestamp) {
        return new CallSnapshot(
                callId,
                callType,
                status,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                timestamp,
                List.of(),
                0,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }

    public CallSnapshot withStatus(CallStatus newStatus, Instant at) {
        return new CallSnapshot(
                callId,
                callType,
                newStatus,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                at,
                toolCalls,
                durationSeconds,
                summary,
                analysis,
                messages,
                error,
                endedReason,
                metadata,
                startedAt,
                endedAt);
    }

    public CallSnapshot withToolCalls(List<ToolCall> calls) {
        return new CallSnapshot(
                callId,
                callType,
                status,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                timestamp,
                calls,
                durationSeconds,
                summary,
                analysis,
                messages,
                error,
                endedReason,
                metadata,
                startedAt,
                endedAt);
    }

    public CallSnapshot withMessages(List<ChatMessage> transcript) {
        return new CallSnapshot(
                callId,
                callType,
                status,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                timestamp,
                toolCalls,
                durationSeconds,
                summary,
                analysis,
                transcript,
                error,
                endedReason,
                metadata,
                startedAt,
                endedAt);
    }

    public CallSnapshot withEnd(String newError, String reason) {
        return new CallSnapshot(
                callId,
                callType,
                status,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                timestamp,
                toolCalls,
                durationSeconds,
                summary,
                analysis,
                messages,
                newError,
                reason,
                metadata,
                startedAt,
                endedAt);
    }

    public CallSnapshot withReport(double seconds, String newSummary, ObjectNode newAnalysis) {
        return new CallSnapshot(
                callId,
                callType,
                status,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                timestamp,
                toolCalls,
                seconds,
                newSummary,
                newAnalysis,
                messages,
                error,
                endedReason,
                metadata,
                startedAt,
                endedAt);
    }

    /** The times the end-of-call-report gives for the call's answer and end ({@code null} when unknown). */
    public CallSnapshot withTimes(Instant answered, Instant ended) {
        return new CallSnapshot(
                callId,
                callType,
                status,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                timestamp,
                toolCalls,
                durationSeconds,
                summary,
                analysis,
                messages,
                error,
                endedReason,
                metadata,
                answered,
                ended);
    }

    public CallSnapshot withMetadata(ObjectNode newMetadata) {
        return new CallSnapshot(
                callId,
                callType,
                status,
                phoneNumber,
                phoneNumberName,
                customerNumber,
                timestamp,
                toolCalls,
                durationSeconds,
                summary,
                analysis,
                messages,
                error,
                endedReason,
                newMetadata,
                startedAt,
                endedAt);
    }
}
