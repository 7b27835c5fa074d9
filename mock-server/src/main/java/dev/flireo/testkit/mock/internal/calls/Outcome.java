package dev.flireo.testkit.mock.internal.calls;

import dev.flireo.testkit.mock.internal.ApiError;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an outbound call ends, chosen through the admin or Java API (else {@code completed}), and how long it talks
 * (null: the default 30 s).
 */
public record Outcome(String name, Duration talk) {

    public static final Set<String> NAMES = Set.of("completed", "no-answer", "busy", "voicemail", "error");

    public Outcome {
        if (!NAMES.contains(name)) {
            throw ApiError.invalid(400, "outcome must be one of " + new TreeSet<>(NAMES), "outcome");
        }
    }
}
