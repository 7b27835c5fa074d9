package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered events are the documented examples, byte for byte. */
class CallEventsTest {

    private static final String CALL_ID = "5c4d030f-43e3-4e65-899e-8148521e660f";
    private static final Instant NOON = Instant.parse("2025-12-13T12:00:00Z");

    private static CallSnapshot documentedCall(String numberName) {
        return CallSnapshot.start(
                CALL_ID, CallType.INBOUND, CallStatus.IN_PROGRESS, "+31850835037", numberName, "+31612345678", NOON);
    }

    private static String render(Dialect dialect, EventType type, CallSnapshot call) {
        return new String(CallEvents.of(dialect).render(type, call), StandardCharsets.UTF_8);
    }

    @Test
    void flireoStatusUpdateIsTheSignedTestVectorOfTheReference() {
        byte[] body = CallEvents.of(Dialect.FLIREO).render(EventType.STATUS_UPDATE, documentedCall("Flireo Demo"));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":{\"type\":\"status-update\","
                        + "\"timestamp\":\"2025-12-13T12:00:00.000Z\",\"call\":{\"id\":\"" + CALL_ID + "\","
                        + "\"type\":\"inboundPhoneCall\",\"status\":\"in-progress\"},\"phoneNumber\":{\"number\":"
                        + "\"+31850835037\",\"name\":\"Flireo Demo\"},\"customer\":{\"number\":\"+31612345678\"}}}");
        assertThat(body).hasSize(275);
        assertThat(WebhookSignature.sign("whsec_test_secret_12345", 1700000000L, body))
                .isEqualTo("sha256=62e7ebe7a7c3c197bc3ef73b70eca051bd122f836a6abdf4e0487dfe2906f3da");
    }

    @Test
    void flireoAssistantRequestCarriesRingingAndThePipeline() {
        CallSnapshot ringing = documentedCall("Flireo Demo").withStatus(CallStatus.RINGING, NOON);

        assertThat(render(Dialect.FLIREO, EventType.ASSISTANT_REQUEST, ringing))
                .isEqualTo(
                        "{\"message\":{\"type\":\"assistant-request\",\"timestamp\":\"2025-12-13T12:00:00.000Z\",\"call\":"
                                + "{\"id\":\"" + CALL_ID
                                + "\",\"type\":\"inboundPhoneCall\",\"status\":\"ringing\",\"pipeline\":"
                                + "\"standard\"},\"phoneNumber\":{\"number\":\"+31850835037\",\"name\":\"Flireo Demo\"},"
                                + "\"customer\":{\"number\":\"+31612345678\"}}}");
    }

    @Test
    void flireoToolCallsListArgumentsAsAnObject() {
        ObjectNode arguments = CallEvents.JSON.createObjectNode().put("query", "Jan de Vries");
        CallSnapshot call = documentedCall("Flireo Demo")
                .withToolCalls(List.of(new ToolCall("tool_abc123def456", "lookup_contact", arguments)));

        assertThat(render(Dialect.FLIREO, EventType.TOOL_CALLS, call))
                .endsWith("\"customer\":{\"number\":\"+31612345678\"},\"toolCallList\":[{\"id\":\"tool_abc123def456\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"lookup_contact\",\"arguments\":{\"query\":"
                        + "\"Jan de Vries\"}}}]}}");
    }

    @Test
    void voicedockEndOfCallReportIsTheDocumentedExample() throws Exception {
        ObjectNode analysis = (ObjectNode) CallEvents.JSON.readTree("{\"sentiment\":8,\"primary_topic\":"
                + "\"Schedule appointment\",\"question_answered\":true,\"conversation_quality\":\"Good\"}");
        CallSnapshot call = documentedCall("HMS Sovereign Demo")
                .withStatus(CallStatus.ENDED, Instant.parse("2025-12-13T12:05:30Z"))
                .withReport(
                        84,
                        "Customer asked about opening hours and wanted to schedule an appointment for next" + " week.",
                        analysis);

        assertThat(render(Dialect.VOICEDOCK, EventType.END_OF_CALL_REPORT, call))
                .isEqualTo(
                        "{\"message\":{\"type\":\"end-of-call-report\",\"timestamp\":\"2025-12-13T12:05:30.000Z\",\"call\":"
                                + "{\"id\":\"" + CALL_ID + "\",\"type\":\"inbound_phone_call\",\"status\":\"ended\"},"
                                + "\"phone_number\":{\"number\":\"+31850835037\",\"name\":\"HMS Sovereign Demo\"},\"customer\":"
                                + "{\"number\":\"+31612345678\"},\"duration_seconds\":84,\"summary\":\"Customer asked about opening"
                                + " hours and wanted to schedule an appointment for next week.\",\"analysis\":{\"sentiment\":8,"
                                + "\"primary_topic\":\"Schedule appointment\",\"question_answered\":true,\"conversation_quality\":"
                                + "\"Good\"}}}");
    }

    @Test
    void voicedockWebCallsHaveNullPhoneFields() {
        CallSnapshot web = CallSnapshot.start(
                        CALL_ID, CallType.WEB, CallStatus.ENDED, "+31850835037", "Demo", "+31612345678", NOON)
                .withEnd(null, "user_hangup");

        assertThat(render(Dialect.VOICEDOCK, EventType.STATUS_UPDATE, web))
                .contains(
                        "\"type\":\"web_call\"", "\"phone_number\":{\"id\":null,\"number\":null,\"name\":null}",
                        "\"customer\":{\"number\":null}", "\"end_reason\":\"user_hangup\"");
    }

    @Test
    void endedWithErrorCarriesTheErrorInEveryDialect() {
        CallSnapshot failed = documentedCall("Flireo Demo")
                .withStatus(CallStatus.ENDED_WITH_ERROR, NOON)
                .withEnd("STT connection failed", null);

        assertThat(render(Dialect.FLIREO, EventType.STATUS_UPDATE, failed))
                .contains("\"status\":\"ended-with-error\"", "\"error\":\"STT connection failed\"");
        assertThat(render(Dialect.LEGACY, EventType.STATUS_UPDATE, failed))
                .contains("\"status\":\"ended-with-debugging\"", "\"debugging-artifact\":\"STT connection failed\"");
    }

    @Test
    void legacyEventsUseEachPagesOwnFieldNames() {
        CallSnapshot call = CallSnapshot.start(
                "875573b5-4458-45be-bac2-4d2b869f8297",
                CallType.INBOUND,
                CallStatus.IN_PROGRESS,
                "+31850123456",
                "Demo",
                "+31601234567",
                Instant.ofEpochMilli(1756278882619L));
        ObjectNode payload = CallEvents.JSON.createObjectNode().put("message", "Bericht voor het team");
        CallSnapshot tools = call.withToolCalls(List.of(
                new ToolCall("call_kLsrB3eFvT6bvo67BqTv7iXc", "send_task", payload),
                new ToolCall("call_abc", "ask_email", CallEvents.JSON.createObjectNode())));

        assertThat(render(Dialect.LEGACY, EventType.ASSISTANT_REQUEST, call))
                .isEqualTo(
                        "{\"eventType\":\"assistant-request\",\"fromCaller\":\"+31601234567\",\"toAssistant\":\"+31850123456\"}");
        assertThat(render(Dialect.LEGACY, EventType.TOOL_CALLS, tools))
                .isEqualTo(
                        "{\"eventTime\":1756278882619,\"callId\":\"875573b5-4458-45be-bac2-4d2b869f8297\",\"eventType\":"
                                + "\"tool-calls\",\"fromCaller\":\"+31601234567\",\"toAssistant\":\"+31850123456\",\"tasksInitiated\":"
                                + "[{\"taskId\":\"call_kLsrB3eFvT6bvo67BqTv7iXc\",\"taskName\":\"send_task\",\"taskPayload\":"
                                + "{\"message\":\"Bericht voor het team\"}},{\"taskId\":\"call_abc\",\"taskName\":\"ask_email\"}],"
                                + "\"userMetadata\":null}");
        assertThat(render(Dialect.LEGACY, EventType.STATUS_UPDATE, call))
                .isEqualTo(
                        "{\"eventTimestamp\":1756278882619,\"eventTimestampISO\":\"2025-08-27T07:14:42.619Z\",\"eventType\":"
                                + "\"status-update\",\"callSession\":\"875573b5-4458-45be-bac2-4d2b869f8297\",\"fromCaller\":"
                                + "\"+31601234567\",\"toAssistant\":\"+31850123456\",\"status\":\"in-progress\",\"userMetadata\":null}");
    }

    @Test
    void legacyReportJoinsTheTranscriptWithAiAndGebruiker() {
        CallSnapshot call = documentedCall("Demo")
                .withStatus(CallStatus.ENDED, NOON)
                .withMessages(List.of(new ChatMessage("assistant", "Goedemiddag"), new ChatMessage("user", "Hallo")))
                .withReport(132.46, "Kort gesprek.", null);

        assertThat(render(Dialect.LEGACY, EventType.END_OF_CALL_REPORT, call))
                .contains(
                        "\"transcriptText\":\"AI: Goedemiddag\\nGebruiker: Hallo\"",
                        "\"summaryText\":\"Kort gesprek.\"",
                        "\"callLengthSeconds\":132.5");
    }

    @Test
    void metadataFromTheReplyIsEchoedInLaterEvents() {
        ObjectNode metadata = CallEvents.JSON.createObjectNode().put("crm_id", "12345");
        CallSnapshot call = documentedCall("Flireo Demo").withMetadata(metadata);

        assertThat(render(Dialect.VOICEDOCK, EventType.STATUS_UPDATE, call))
                .contains("\"assistant\":{\"metadata\":{\"crm_id\":\"12345\"}}");
        assertThat(render(Dialect.FLIREO, EventType.ASSISTANT_REQUEST, call)).doesNotContain("metadata");
        assertThat(render(Dialect.LEGACY, EventType.STATUS_UPDATE, call))
                .contains("\"userMetadata\":{\"crm_id\":\"12345\"}");
    }
}
