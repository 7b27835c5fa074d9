package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;
import java.util.List;

/**
 * What a delivery is called in progress lines, failures and reports, e.g. {@code status-update ended
 * (user_hangup)} or {@code tool-calls check_availability, book_appointment}: the same words for a delivery
 * that was made and for a step an interrupted run never reached.
 */
final class DeliveryLabels {

    private DeliveryLabels() {}

    static String toolCalls(List<String> toolNames) {
        return "tool-calls " + String.join(", ", toolNames);
    }

    static String status(CallStatus status, String endedReason, Dialect dialect) {
        return "status-update " + status.wireName(dialect) + (endedReason == null ? "" : " (" + endedReason + ")");
    }

    /** The label of the delivery a step makes. */
    static String of(Step step, Dialect dialect) {
        if (step instanceof Step.AssistantRequest) {
            return "assistant-request";
        }
        if (step instanceof Step.ToolCalls tools) {
            return toolCalls(tools.tools().stream().map(Step.ToolSpec::name).toList());
        }
        if (step instanceof Step.Status status) {
            boolean ends = status.status() == CallStatus.ENDED || status.status() == CallStatus.ENDED_WITH_ERROR;
            return status(status.status(), ends ? status.reason() : null, dialect);
        }
        return "end-of-call-report";
    }
}
