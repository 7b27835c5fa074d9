package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.Violation;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a {@link Delivery} the way the platform treats the reply:
 * <ul>
 *   <li>assistant-request: a 2xx within 5 s whose JSON body satisfies the reply contract; otherwise the platform
 *       falls back to the default configuration;</li>
 *   <li>tool-calls: a 2xx within 10 s that satisfies the reply contract and answers every tool call id;</li>
 *   <li>status-update and end-of-call-report: any 2xx (the body is ignored).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class ReplyJudge {

    private static final String FALLBACK = "; the platform would fall back to the default configuration";

    private final Dialect dialect;
    private final Contracts contracts;

    private ReplyJudge(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.contracts = Contracts.of(dialect);
    }

    public static ReplyJudge of(Dialect dialect) {
        return new ReplyJudge(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Verdict judge(Delivery delivery) {
        EventType event = delivery.event();
        String consequence = consequence(event);
        if (delivery.error() != null) {
            return Verdict.fail(delivery.error() + consequence);
        }
        long limit = WebhookSender.timeout(event).toMillis();
        if (delivery.latency().toMillis() > limit) {
            return Verdict.fail("answered after " + delivery.latency().toMillis() + " ms, over the " + limit / 1000
                    + " s limit" + consequence);
        }
        if (!delivery.acknowledged()) {
            return Verdict.fail("answered HTTP " + delivery.status() + ", expected 2xx" + consequence
                    + refusedSignatureHint(delivery));
        }
        return switch (event) {
            case ASSISTANT_REQUEST -> judgeAssistantRequest(delivery);
            case TOOL_CALLS -> judgeToolCalls(delivery);
            case STATUS_UPDATE, END_OF_CALL_REPORT -> Verdict.pass("acknowledged with HTTP " + delivery.status());
        };
    }

    private static String consequence(EventType event) {
        return switch (event) {
            case ASSISTANT_REQUEST -> FALLBACK;
            case TOOL_CALLS -> "; the agent gets no tool result";
            default -> "";
        };
    }

    private Verdict judgeAssistantRequest(Delivery delivery) {
        JsonNode reply = parse(delivery);
        if (reply == null) {
            return Verdict.fail("the reply is not a JSON object: " + excerpt(delivery.replyText()) + FALLBACK);
        }
        List<String> problems = contractProblems(EventType.ASSISTANT_REQUEST, reply);
        String wrap = AssistantReply.unwrappedHint(reply, dialect);
        if (!problems.isEmpty()) {
            return Verdict.fail("the reply breaks the assistant-request reply contract: " + String.join("; ", problems)
                    + FALLBACK + (wrap == null ? "" : ". " + wrap));
        }
        return Verdict.pass(AssistantReply.describe(reply, dialect));
    }

    /**
     * A receiver that refuses a signed delivery with 401 or 403 almost always checks it with another secret (or
     * signs something other than {@code timestamp + "." + raw body}): say so, with the start of its reply.
     */
    private static String refusedSignatureHint(Delivery delivery) {
        int status = delivery.status();
        if ((status != 401 && status != 403)
                || !delivery.request().headers().containsKey(WebhookSignature.SIGNATURE_HEADER)) {
            return "";
        }
        byte[] reply = delivery.reply();
        String start = new String(reply, 0, Math.min(reply.length, 200), StandardCharsets.UTF_8);
        return ". The delivery was signed, so the receiver's secret may differ from the one the platform signs with "
                + "(or it verifies something other than timestamp + \".\" + the raw body); the reply "
                + (reply.length == 0
                        ? "was empty"
                        : "began: " + start.replaceAll("\\s+", " ").strip() + (reply.length > 200 ? "..." : ""));
    }

    private Verdict judgeToolCalls(Delivery delivery) {
        JsonNode reply = parse(delivery);
        if (reply == null) {
            return Verdict.fail("the reply is not a JSON object: " + excerpt(delivery.replyText())
                    + "; the agent gets no tool result");
        }
        List<String> problems = contractProblems(EventType.TOOL_CALLS, reply);
        if (!problems.isEmpty()) {
            return Verdict.fail("the reply breaks the tool-calls reply contract: " + String.join("; ", problems));
        }
        return ToolResults.judge(toolCalls(delivery), reply, dialect);
    }

    /** The tool calls the receiver must answer, id to function name, read from the request body as sent. */
    Map<String, String> toolCalls(Delivery delivery) {
        Map<String, String> calls = new LinkedHashMap<>();
        try {
            JsonNode body = CallEvents.JSON.readTree(delivery.request().body());
            boolean legacy = dialect == Dialect.LEGACY;
            JsonNode list = legacy
                    ? body.path("tasksInitiated")
                    : body.path("message").path(dialect == Dialect.VOICEDOCK ? "tool_call_list" : "toolCallList");
            list.forEach(item -> calls.put(
                    item.path(legacy ? "taskId" : "id").asText(),
                    legacy
                            ? item.path("taskName").asText()
                            : item.path("function").path("name").asText()));
        } catch (IOException ignored) {
            // A request body that is not JSON has no tool call ids to answer.
        }
        return calls;
    }

    private static JsonNode parse(Delivery delivery) {
        try {
            JsonNode reply = CallEvents.JSON.readTree(delivery.reply());
            return reply != null && reply.isObject() ? reply : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return "(empty body)";
        }
        return "'" + (flat.length() > 80 ? flat.substring(0, 77) + "..." : flat) + "'";
    }

    /** The reply's violations of its dialect's reply contract (the contracts module); empty when it satisfies it. */
    private List<String> contractProblems(EventType event, JsonNode reply) {
        return contracts.validateReply(event, reply).errors().stream()
                .map(Violation::toString)
                .toList();
    }
}
