package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.Dialect;
import java.io.IOException;

/** Adds a scenario's expectation of the assistant-request reply to the {@link ReplyJudge}'s verdict. */
final class Expectations {

    private Expectations() {}

    static Verdict assistantRequest(Step.Expectation expect, Delivery delivery, Dialect dialect) {
        Verdict judged = delivery.verdict();
        JsonNode reply = replyObject(delivery);
        if (expect == Step.Expectation.REJECTED && dialect == Dialect.LEGACY) {
            // The legacy platform documents no rejection reply: a reply without an assistant ends the call.
            if (delivery.acknowledged()
                    && reply != null
                    && !reply.path("assistant").isObject()) {
                return Verdict.pass(
                        "returns no assistant, so the legacy platform ends the call" + " (\"Couldn't Get Assistant\")");
            }
            return Verdict.fail(
                    "expected a reply without an assistant, which ends a legacy call; got " + describe(delivery));
        }
        if (!judged.passed() || reply == null) {
            return judged;
        }
        String rejection = AssistantReply.rejection(reply);
        return switch (expect) {
            case ACCEPT ->
                rejection == null
                        ? judged
                        : Verdict.fail("rejects the call (\"" + rejection + "\"), but this scenario needs it answered");
            case PERSONALISED ->
                AssistantReply.greeting(reply) != null && rejection == null
                        ? judged
                        : Verdict.fail("expected the reply to override the greeting (assistant."
                                + (dialect == Dialect.VOICEDOCK ? "first_message" : "firstMessage") + "), got "
                                + ReplyJudge.excerpt(delivery.replyText()));
            case REJECTED ->
                rejection != null
                        ? judged
                        : Verdict.fail("expected the reply to reject the call with {\"error\": \"...\"}, got "
                                + ReplyJudge.excerpt(delivery.replyText()));
        };
    }

    private static String describe(Delivery delivery) {
        return delivery.error() != null
                ? delivery.error()
                : "HTTP " + delivery.status() + " " + ReplyJudge.excerpt(delivery.replyText());
    }

    static JsonNode replyObject(Delivery delivery) {
        if (!delivery.acknowledged()) {
            return null;
        }
        try {
            JsonNode reply = CallEvents.JSON.readTree(delivery.reply());
            return reply != null && reply.isObject() ? reply : null;
        } catch (IOException e) {
            return null;
        }
    }
}
