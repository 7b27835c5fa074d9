package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One POST to the receiver and what came back.
 *
 * @param request the request as sent
 * @param status  the HTTP status, or {@code 0} when no status line came (see {@code error})
 * @param reply   the reply body, empty when none or when it was not read in full
 * @param latency from sending the request to the end of the reply (or to the failure)
 * @param error   why no usable HTTP answer came (refused, timed out, reset, closed, TLS, not HTTP, too large);
 *                {@code null} when one came
 * @param verdict the {@link ReplyJudge}'s verdict, {@code null} until judged
 */
public record Delivery(
        WebhookRequest request, int status, byte[] reply, Duration latency, String error, Verdict verdict) {

    public Delivery {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(latency, "latency");
        reply = reply == null ? new byte[0] : reply.clone();
    }

    public EventType event() {
        return request.event();
    }

    @Override
    public byte[] reply() {
        return reply.clone();
    }

    public String replyText() {
        return new String(reply, StandardCharsets.UTF_8);
    }

    /** True when an HTTP answer with a 2xx status came. */
    public boolean acknowledged() {
        return error == null && status >= 200 && status < 300;
    }

    public boolean passed() {
        return verdict != null && verdict.passed();
    }

    public Delivery withVerdict(Verdict newVerdict) {
        return new Delivery(request, status, reply, latency, error, newVerdict);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Delivery d
                && request.equals(d.request)
                && status == d.status
                && java.util.Arrays.equals(reply, d.reply)
                && latency.equals(d.latency)
                && Objects.equals(error, d.error)
                && Objects.equals(verdict, d.verdict);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, status, java.util.Arrays.hashCode(reply), latency, error, verdict);
    }

    @Override
    public String toString() {
        return request.event().wireName() + " -> " + (error != null ? error : Integer.toString(status)) + " in "
                + latency.toMillis() + " ms" + (verdict == null ? "" : " " + verdict);
    }
}
