package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The platform's view of a reply, one rule at a time, on hand-made deliveries. */
class ReplyJudgeTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:9/hook");
    private static final String FLIREO_TOOLS = "{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":["
            + "{\"id\":\"tool_a\",\"type\":\"function\",\"function\":{\"name\":\"x\",\"arguments\":{}}},"
            + "{\"id\":\"tool_b\",\"type\":\"function\",\"function\":{\"name\":\"y\",\"arguments\":{}}}]}}";

    private static Verdict judge(
            Dialect dialect, EventType event, String request, int status, String reply, long millis) {
        WebhookRequest sent = WebhookRequest.of(TARGET, event, request.getBytes(StandardCharsets.UTF_8), null, 1L);
        Delivery delivery = new Delivery(
                sent, status, reply.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(millis), null, null);
        return ReplyJudge.of(dialect).judge(delivery);
    }

    private static Verdict assistant(Dialect dialect, String reply) {
        return judge(dialect, EventType.ASSISTANT_REQUEST, "{}", 200, reply, 20);
    }

    @Test
    void everyDocumentedAssistantRequestReplyPasses() {
        assertThat(assistant(Dialect.FLIREO, "{}")).isEqualTo(Verdict.pass("{} keeps the default configuration"));
        assertThat(assistant(Dialect.FLIREO, "{\"assistant\":{\"firstMessage\":\"Hallo Jan\"}}")
                        .reason())
                .isEqualTo("overrides the configuration, greeting \"Hallo Jan\"");
        assertThat(assistant(Dialect.FLIREO, "{\"maxDurationSeconds\":300}").passed())
                .isTrue();
        assertThat(assistant(Dialect.VOICEDOCK, "{\"max_duration_seconds\":300}")
                        .passed())
                .isTrue();
        assertThat(assistant(Dialect.FLIREO, "{\"error\":\"Gesloten\"}").reason())
                .isEqualTo("rejects the call with \"Gesloten\"");
        assertThat(assistant(
                                Dialect.VOICEDOCK,
                                "{\"assistant_id\":\"17a0cb75-fa09-4bdd-9a44-92a70d829c88\","
                                        + "\"assistant_override\":{\"first_message\":\"Hello John!\"}}")
                        .passed())
                .isTrue();
        assertThat(assistant(Dialect.LEGACY, "{\"assistant\":{\"firstMessage\":\"Goedemorgen\"}}")
                        .reason())
                .isEqualTo("returns an assistant configuration with greeting \"Goedemorgen\"");
    }

    @Test
    void aBrokenAssistantRequestReplyFallsBackToTheDefault() {
        assertThat(assistant(Dialect.FLIREO, "<html>ok</html>"))
                .isEqualTo(Verdict.fail("the reply is not a JSON "
                        + "object: '<html>ok</html>'; the platform would fall back to the default configuration"));
        assertThat(assistant(Dialect.FLIREO, "{\"assistant_override\":{}}").reason())
                .startsWith("the reply breaks the assistant-request reply contract: /assistant_id")
                .endsWith("; the platform would fall back to the default configuration");
        assertThat(assistant(Dialect.LEGACY, "{}").reason())
                .startsWith("the reply breaks the assistant-request reply contract: /assistant")
                .endsWith("; the platform would fall back to the default configuration");
        assertThat(judge(Dialect.FLIREO, EventType.ASSISTANT_REQUEST, "{}", 200, "{}", 5_200))
                .isEqualTo(Verdict.fail("answered after 5200 ms, over the 5 s limit; the platform would fall back"
                        + " to the default configuration"));
        assertThat(judge(Dialect.FLIREO, EventType.ASSISTANT_REQUEST, "{}", 302, "", 10)
                        .reason())
                .startsWith("answered HTTP 302, expected 2xx");
    }

    @Test
    void toolCallRepliesMustAnswerEveryId() {
        assertThat(judge(
                        Dialect.FLIREO,
                        EventType.TOOL_CALLS,
                        FLIREO_TOOLS,
                        200,
                        "{\"results\":[{\"toolCallId\":"
                                + "\"tool_a\",\"result\":1},{\"toolCallId\":\"tool_b\",\"result\":{\"ok\":true}}]}",
                        30))
                .isEqualTo(Verdict.pass("results for all 2 tool call ids"));
        assertThat(judge(
                                Dialect.FLIREO,
                                EventType.TOOL_CALLS,
                                FLIREO_TOOLS,
                                200,
                                "{\"results\":[{\"toolCallId\":" + "\"tool_a\",\"result\":1}]}",
                                30)
                        .reason())
                .isEqualTo("no result for tool call id tool_b; the agent waits for it in vain");
        assertThat(judge(
                                Dialect.FLIREO,
                                EventType.TOOL_CALLS,
                                FLIREO_TOOLS,
                                200,
                                "{\"results\":[{\"toolCallId\":"
                                        + "\"tool_a\",\"result\":1},{\"toolCallId\":\"tool_b\",\"result\":1},{\"toolCallId\":\"tool_c\","
                                        + "\"result\":1}]}",
                                30)
                        .reason())
                .startsWith("results for unknown tool call id tool_c");
        assertThat(judge(Dialect.FLIREO, EventType.TOOL_CALLS, FLIREO_TOOLS, 200, "{\"results\":[{\"result\":1}]}", 30)
                        .reason())
                .startsWith("the reply breaks the tool-calls reply contract: /results/0/toolCallId");
        assertThat(judge(Dialect.FLIREO, EventType.TOOL_CALLS, FLIREO_TOOLS, 200, "{}", 10_500)
                        .reason())
                .isEqualTo("answered after 10500 ms, over the 10 s limit; the agent gets no tool result");
    }

    @Test
    void aSingleToolCallMayBeAnsweredInAnyDocumentedForm() {
        String one = "{\"message\":{\"tool_call_list\":[{\"id\":\"tool_a\"}]}}";
        assertThat(judge(Dialect.VOICEDOCK, EventType.TOOL_CALLS, one, 200, "{\"result\":{\"ok\":1}}", 5)
                        .reason())
                .isEqualTo("answered with a single result");
        assertThat(judge(Dialect.VOICEDOCK, EventType.TOOL_CALLS, one, 200, "{\"name\":\"John\"}", 5)
                        .reason())
                .isEqualTo("answered with the data directly");
        assertThat(judge(Dialect.VOICEDOCK, EventType.TOOL_CALLS, one, 200, "{\"error\":\"Contact not found\"}", 5)
                        .reason())
                .isEqualTo("answered with a tool error");
        assertThat(judge(
                                Dialect.VOICEDOCK,
                                EventType.TOOL_CALLS,
                                one,
                                200,
                                "{\"results\":[{\"tool_call_id\":\"tool_a\",\"result\":{}}]}",
                                5)
                        .passed())
                .isTrue();
    }

    @Test
    void legacyToolResultsAreStringsKeyedByTaskId() {
        String tasks = "{\"eventType\":\"tool-calls\",\"tasksInitiated\":[{\"taskId\":\"call_1\",\"taskName\":\"x\"}]}";
        assertThat(judge(
                                Dialect.LEGACY,
                                EventType.TOOL_CALLS,
                                tasks,
                                200,
                                "{\"results\":[{\"toolCallId\":\"call_1\",\"result\":\"Gelukt\"}]}",
                                5)
                        .passed())
                .isTrue();
        assertThat(judge(
                                Dialect.LEGACY,
                                EventType.TOOL_CALLS,
                                tasks,
                                200,
                                "{\"results\":[{\"toolCallId\":\"call_1\",\"result\":{\"ok\":true}}]}",
                                5)
                        .reason())
                .startsWith("the reply breaks the tool-calls reply contract: /results/0/result")
                .contains("must be a string");
        assertThat(judge(Dialect.LEGACY, EventType.TOOL_CALLS, tasks, 200, "{\"result\":\"Gelukt\"}", 5)
                        .passed())
                .isFalse();
    }

    @Test
    void notificationsNeedOnlyA2xx() {
        assertThat(judge(Dialect.FLIREO, EventType.STATUS_UPDATE, "{}", 204, "", 5))
                .isEqualTo(Verdict.pass("acknowledged with HTTP 204"));
        assertThat(judge(Dialect.FLIREO, EventType.END_OF_CALL_REPORT, "{}", 200, "not json", 5)
                        .passed())
                .isTrue();
        assertThat(judge(Dialect.FLIREO, EventType.END_OF_CALL_REPORT, "{}", 404, "", 5))
                .isEqualTo(Verdict.fail("answered HTTP 404, expected 2xx"));
    }
}
