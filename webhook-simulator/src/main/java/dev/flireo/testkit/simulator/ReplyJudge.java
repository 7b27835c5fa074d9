package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.Violation;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
            return Verdict.fail("answered after " + delivery.latency().toMillis() + " ms, over the "
                    + limit / 1000 + " s limit" + consequence);
        }
        if (!delivery.acknowledged()) {
            return Verdict.fail("answered HTTP " + delivery.status() + ", expected 2xx" + consequence);
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
        if (!problems.isEmpty()) {
            return Verdict.fail("the reply breaks the assistant-request reply contract: "
                    + String.join("; ", problems) + FALLBACK);
        }
        return Verdict.pass(AssistantReply.describe(reply, dialect));
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
        return ToolResults.judge(toolCallIds(delivery), reply, dialect);
    }

    /** The ids the receiver must answer, read from the request body as sent. */
    Set<String> toolCallIds(Delivery delivery) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            JsonNode body = CallEvents.JSON.readTree(delivery.request().body());
            JsonNode list = dialect == Dialect.LEGACY ? body.path("tasksInitiated")
                    : body.path("message").path(dialect == Dialect.VOICEDOCK ? "tool_call_list" : "toolCallList");
            list.forEach(item -> ids.add(item.path(dialect == Dialect.LEGACY ? "taskId" : "id").asText()));
        } catch (IOException e) {
            // A request body that is not JSON has no tool call ids to answer.
        }
        return ids;
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
        return contracts.validateReply(event, reply).errors().stream().map(Violation::toString).toList();
    }
}
