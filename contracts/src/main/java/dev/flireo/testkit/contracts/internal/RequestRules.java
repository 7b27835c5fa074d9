package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.List;
import java.util.Set;

/** The rules of request bodies that their schemas cannot express, by operation: a workflow's graph. */
public final class RequestRules {

    private static final Set<String> WORKFLOW_WRITES = Set.of("createWorkflow", "updateWorkflow");

    private RequestRules() {}

    /** Every broken rule of a body, each a {@link RequestProblem#RULE} naming its field; empty when none apply. */
    public static List<RequestProblem> of(SpecDocument document, String operationId, JsonNode body) {
        if (document == SpecDocument.FLIREO_API && WORKFLOW_WRITES.contains(operationId)) {
            return WorkflowRules.of(body);
        }
        return List.of();
    }
}
