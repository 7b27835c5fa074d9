package dev.flireo.testkit.simulator;

import java.util.Objects;

/** One turn of the transcript: {@code role} is {@code assistant}, {@code user} or {@code system}. */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
