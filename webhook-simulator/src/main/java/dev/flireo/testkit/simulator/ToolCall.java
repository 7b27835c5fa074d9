package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One function call of the agent's LLM: {@code toolCallList[]} (legacy: {@code tasksInitiated[]}).
 *
 * @param id        the id the receiver must echo in its result ({@code toolCallId}, legacy {@code taskId})
 * @param name      the tool's name
 * @param arguments the parsed arguments; a JSON object, never a string
 */
public record ToolCall(String id, String name, ObjectNode arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
