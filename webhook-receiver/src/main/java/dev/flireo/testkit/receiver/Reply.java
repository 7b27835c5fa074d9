package dev.flireo.testkit.receiver;

import java.time.Duration;
import java.util.Objects;

/**
 * What the receiver answers a delivery: a status, a JSON body (none when {@code null}) and how long it takes to
 * answer, to play a slow app.
 */
public record Reply(int status, String body, Duration delay) {

    public Reply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599, was " + status);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
    }

    /** {@code 200 {}}: what the receiver answers unless told otherwise. */
    public static Reply ok() {
        return json("{}");
    }

    /** {@code 200} with {@code body}. */
    public static Reply json(String body) {
        return new Reply(200, body, Duration.ZERO);
    }

    /** {@code status} with {@code body} ({@code null} for none). */
    public static Reply status(int status, String body) {
        return new Reply(status, body, Duration.ZERO);
    }

    /** {@code status} without a body. */
    public static Reply status(int status) {
        return status(status, null);
    }

    /** This reply, sent only after {@code delay}. */
    public Reply after(Duration delay) {
        return new Reply(status, body, delay);
    }
}
