package dev.flireo.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STATUS_UPDATE = """
            {"message":{"type":"status-update","timestamp":"2025-12-13T12:00:00.000Z",
              "call":{"id":"5c4d030f-43e3-4e65-899e-8148521e660f","type":"inboundPhoneCall","status":"in-progress"},
              "phoneNumber":{"number":"+31850835037","name":"Flireo Demo"},
              "customer":{"number":"+31612345678"}}}""";

    @Test
    void aDocumentedEventIsValid() {
        ValidationReport report = Contracts.of(Dialect.FLIREO).validateEvent(STATUS_UPDATE);

        assertThat(report.valid()).isTrue();
        assertThat(report.eventType()).isEqualTo(EventType.STATUS_UPDATE);
        assertThat(report.contract()).isEqualTo("flireo-api.yaml#/components/schemas/StatusUpdateEvent");
        assertThat(report.summary())
                .isEqualTo("valid flireo status-update (flireo-api.yaml#/components/schemas/StatusUpdateEvent)");
    }

    @Test
    void aViolationNamesPointerRuleExpectedActualAndTheField() {
        String ended = STATUS_UPDATE.replace("in-progress", "finished");

        ValidationReport report = Contracts.of(Dialect.FLIREO).validateEvent(ended);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors())
                .containsExactly(
                        new Violation(
                                Severity.ERROR,
                                "/message/call/status",
                                "enum",
                                "one of [\"ringing\",\"in-progress\",\"ended\",\"ended-with-error\"]",
                                "\"finished\"",
                                "`status` must be one of [\"ringing\",\"in-progress\",\"ended\",\"ended-with-error\"], got \"finished\""));
    }

    @Test
    void malformedNumbersAndTimestampsAreExplained() {
        String broken =
                STATUS_UPDATE.replace("+31612345678", "0612345678").replace("2025-12-13T12:00:00.000Z", "13-12-2025");

        List<Violation> errors =
                Contracts.of(Dialect.FLIREO).validateEvent(broken).errors();

        assertThat(errors)
                .extracting(Violation::pointer, Violation::rule, Violation::message)
                .containsExactlyInAnyOrder(
                        tuple(
                                "/message/timestamp",
                                "format",
                                "`timestamp` must be an RFC 3339 date-time such as 2025-12-13T12:00:00.000Z, got \"13-12-2025\""),
                        tuple(
                                "/message/customer/number",
                                "pattern",
                                "`number` must be an E.164 phone number such as +31612345678, got \"0612345678\""));
    }

    @Test
    void unknownFieldsAreWarningsNotErrors() {
        String extended = STATUS_UPDATE.replace("\"customer\":", "\"recordingConsent\":true,\"customer\":");

        ValidationReport report = Contracts.of(Dialect.FLIREO).validateEvent(extended);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.severity()).isEqualTo(Severity.WARNING);
            assertThat(warning.pointer()).isEqualTo("/message/recordingConsent");
            assertThat(warning.rule()).isEqualTo("unknownProperty");
            assertThat(warning.message()).startsWith("unknown field `recordingConsent` in `message`");
        });
    }

    @Test
    void freeFormObjectsTakeAnyFieldWithoutWarnings() throws Exception {
        JsonNode report = JSON.readTree("""
                {"message":{"type":"end-of-call-report","timestamp":"2025-12-13T12:05:30.000Z",
                  "call":{"id":"5c4d030f-43e3-4e65-899e-8148521e660f","type":"inboundPhoneCall","status":"ended"},
                  "phoneNumber":{"number":"+31850835037","name":"Flireo Demo"},"customer":{"number":"+31612345678"},
                  "durationSeconds":84,"summary":"Klant vroeg naar openingstijden.",
                  "analysis":{"sentiment":8,"hoofdonderwerp":"Afspraak maken"},
                  "assistant":{"metadata":{"crm_id":"12345"},"llm_config":{"provider":"openai"}}}}""");

        ValidationReport result = Contracts.of(Dialect.FLIREO).validateEvent(report);

        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void anAliasSpellingIsAWarningNamingTheDocumentedSpelling() {
        ValidationReport report = Contracts.of(Dialect.FLIREO)
                .validateReply(EventType.ASSISTANT_REQUEST, "{\"assistant\":{\"first_message\":\"Hello!\"}}");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings())
                .extracting(Violation::pointer, Violation::rule, Violation::message)
                .containsExactly(
                        tuple(
                                "/assistant/first_message",
                                "x-aliases",
                                "`first_message` is another spelling of `firstMessage` (x-aliases); the contract spells it `firstMessage`"));
    }

    @Test
    void theOtherDialectsCasingIsRejectedAndSaidToBeIt() {
        String snake = STATUS_UPDATE.replace("phoneNumber", "phone_number");

        ValidationReport report = Contracts.of(Dialect.FLIREO).validateEvent(snake);

        assertThat(report.errors())
                .extracting(Violation::message)
                .containsExactly(
                        "required field `phoneNumber` is missing in `message`; found `phone_number`, a different spelling");
        assertThat(report.warnings()).extracting(Violation::rule).containsExactly("x-aliases");
    }

    @Test
    void legacyEventsAcceptBothDocumentedSpellingsOfTimeAndCallId() {
        String reference = "{\"eventTimestamp\":1774435909719,\"eventType\":\"status-update\",\"callSession\":"
                + "\"c1d2e3f4-a5b6-7890-cdef-1234567890ab\",\"fromCaller\":\"+31612345678\",\"toAssistant\":\"+31201234567\","
                + "\"status\":\"in-progress\"}";
        String guide = reference.replace("eventTimestamp", "eventTime").replace("callSession", "callId");
        Contracts legacy = Contracts.of(Dialect.LEGACY);

        assertThat(legacy.validateEvent(reference).errors()).isEmpty();
        assertThat(legacy.validateEvent(reference).warnings()).isEmpty();
        assertThat(legacy.validateEvent(guide).errors()).isEmpty();
        assertThat(legacy.validateEvent(guide).warnings()).isEmpty();
        assertThat(legacy.validateEvent(reference.replace("\"callSession\"", "\"call_session\""))
                        .errors())
                .extracting(Violation::message)
                .containsExactly("the body needs `callSession` or `callId`");
    }

    @Test
    void aReplyMatchingNoDocumentedShapeListsTheShapes() {
        ValidationReport report = Contracts.of(Dialect.FLIREO)
                .validateReply(EventType.ASSISTANT_REQUEST, "{\"max_duration_seconds\":300}");

        assertThat(report.errors())
                .extracting(Violation::rule, Violation::message)
                .containsExactly(tuple(
                        "anyOf",
                        "the body matches none of the documented shapes: "
                                + "Use the saved agent (no fields); Override or transient assistant (needs `assistant`); "
                                + "Hybrid (saved assistant plus override) (needs `assistant_id`); Reject the call (needs `error`); "
                                + "Duration limit only (needs `maxDurationSeconds`)"));
    }

    @Test
    void theErrorsOfTheIntendedToolShapeAreReportedNotThoseOfEveryShape() {
        String reply = "{\"assistant\":{\"llm_config\":{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"tools\":["
                + "{\"type\":\"transferCall\",\"destinations\":[{\"type\":\"number\",\"number\":\"0612\",\"description\":\"Sales\"}]},"
                + "{\"name\":\"lookup\",\"description\":\"Find a contact\",\"async\":\"yes\"}]}}}";

        List<Violation> errors = Contracts.of(Dialect.FLIREO)
                .validateReply(EventType.ASSISTANT_REQUEST, reply)
                .errors();

        assertThat(errors)
                .extracting(Violation::pointer)
                .containsExactly(
                        "/assistant/llm_config/tools/0/destinations/0/number", "/assistant/llm_config/tools/1/async");
    }

    @Test
    void statusUpdateAndEndOfCallReportRepliesAreNeverChecked() {
        Contracts voicedock = Contracts.of(Dialect.VOICEDOCK);

        assertThat(voicedock
                        .validateReply(EventType.STATUS_UPDATE, "not json at all")
                        .valid())
                .isTrue();
        assertThat(voicedock
                        .validateReply(EventType.END_OF_CALL_REPORT, (JsonNode) null)
                        .contract())
                .isEqualTo(Contracts.IGNORED_REPLY);
    }

    @Test
    void detectionTellsTheDialectsApart() throws Exception {
        JsonNode flireo = JSON.readTree(STATUS_UPDATE);
        JsonNode voicedock = JSON.readTree(
                STATUS_UPDATE.replace("phoneNumber", "phone_number").replace("inboundPhoneCall", "inbound_phone_call"));
        JsonNode legacy = JSON.readTree("{\"eventType\":\"assistant-request\",\"fromCaller\":\"+31601234567\","
                + "\"toAssistant\":\"+31850123456\"}");

        assertThat(Contracts.detect(flireo)).contains(new Detection(Dialect.FLIREO, EventType.STATUS_UPDATE));
        assertThat(Contracts.detect(voicedock)).contains(new Detection(Dialect.VOICEDOCK, EventType.STATUS_UPDATE));
        assertThat(Contracts.detect(legacy)).contains(new Detection(Dialect.LEGACY, EventType.ASSISTANT_REQUEST));
        assertThat(Contracts.detect(JSON.readTree("{\"results\":[]}"))).isEmpty();
        assertThat(Contracts.validate(voicedock).valid()).isTrue();
    }

    @Test
    void aPayloadThatIsNoWebhookIsReportedAsSuch() throws Exception {
        ValidationReport report = Contracts.validate(JSON.readTree("{\"result\":{\"status\":\"ok\"}}"));

        assertThat(report.valid()).isFalse();
        assertThat(report.dialect()).isNull();
        assertThat(report.errors().get(0).message())
                .startsWith("not a webhook payload: no `message.type` or `eventType`");
    }

    @Test
    void anUnknownEventTypeAndBrokenJsonAreErrorsNotExceptions() {
        Contracts flireo = Contracts.of(Dialect.FLIREO);

        assertThat(flireo.validateEvent("{\"message\":{\"type\":\"call-started\"}}")
                        .errors())
                .extracting(Violation::pointer, Violation::message)
                .containsExactly(
                        tuple(
                                "/message/type",
                                "`type` must be one of "
                                        + "assistant-request, tool-calls, status-update, end-of-call-report, got \"call-started\""));
        assertThat(flireo.validateEvent("{\"message\":").errors().get(0).message())
                .startsWith("the body is not valid JSON at line 1, column 12");
        assertThat(flireo.validateEvent("").errors().get(0).message()).isEqualTo("the body is empty");
    }

    @Test
    void aPayloadCheckedAgainstTheWrongDialectSaysWhichItLooksLike() {
        String legacy =
                "{\"eventType\":\"assistant-request\",\"fromCaller\":\"+31601234567\",\"toAssistant\":\"+31850123456\"}";

        ValidationReport report = Contracts.of(Dialect.FLIREO).validateEvent(legacy);

        assertThat(report.errors())
                .extracting(Violation::message)
                .containsExactly("required field `message` is missing");
        assertThat(report.warnings())
                .extracting(Violation::message)
                .containsExactly("this looks like a legacy payload, checked against the flireo contract");
    }

    @Test
    void wireNamesRoundTrip() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWireName(type.wireName())).isEqualTo(type);
        }
        assertThat(EventType.fromWireName("END_OF_CALL_REPORT")).isEqualTo(EventType.END_OF_CALL_REPORT);
        assertThat(Dialect.fromWireName("VoiceDock")).isEqualTo(Dialect.VOICEDOCK);
        assertThatThrownBy(() -> Dialect.fromWireName("vapi"))
                .hasMessage("unknown dialect 'vapi'; expected one of flireo, voicedock, legacy");
    }

    @Test
    void contractsAreSharedAndSafeToUseFromManyThreads() throws Exception {
        String broken = STATUS_UPDATE.replace("in-progress", "finished");
        ValidationReport expected = Contracts.of(Dialect.FLIREO).validateEvent(broken);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ValidationReport>> results = IntStream.range(0, 200)
                    .mapToObj(
                            i -> pool.submit(() -> Contracts.of(Dialect.FLIREO).validateEvent(broken)))
                    .toList();
            for (Future<ValidationReport> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Contracts.of(Dialect.FLIREO)).isSameAs(Contracts.of(Dialect.FLIREO));
    }
}
