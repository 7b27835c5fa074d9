package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One line of a scenario's {@code steps}. {@code after} is the scripted gap before it, {@code null} for a natural one. */
sealed interface Step {

    Duration after();

    /** The agent or the caller says something; a greeting may be replaced by the assistant-request reply. */
    record Say(String role, Text text, boolean greeting, Duration after) implements Step {}

    /** The assistant-request event; {@code expect} says what reply the scenario needs. */
    record AssistantRequest(Expectation expect, Duration after) implements Step {}

    record ToolCalls(List<ToolSpec> tools, Duration after) implements Step {}

    /** A status-update; {@code error} only with ended-with-error, {@code reason} once ended. */
    record Status(CallStatus status, String reason, Text error, Duration after) implements Step {}

    /** The end-of-call-report; {@code analysis} per language, absent languages have none. */
    record Report(Text summary, Map<String, JsonNode> analysis, Duration after) implements Step {}

    /** One tool the LLM calls; string values of {@code arguments} may hold placeholders. */
    record ToolSpec(String name, JsonNode arguments) {}

    /** What the assistant-request reply must do for the scenario to make sense. */
    enum Expectation {
        /** Answer the call: {@code {}} or a configuration, not a rejection. */
        ACCEPT,
        /** Override the greeting ({@code assistant.firstMessage}). */
        PERSONALISED,
        /** Reject the call with {@code error}. */
        REJECTED
    }
}
