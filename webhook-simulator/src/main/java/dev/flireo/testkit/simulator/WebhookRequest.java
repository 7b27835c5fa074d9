package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP POST exactly as it goes on the wire: target, headers in sending order, and the raw body.
 *
 * @param timestamp the {@code X-Webhook-Timestamp} value (Unix seconds) the request was signed with
 */
public record WebhookRequest(URI target, EventType event, long timestamp, Map<String, String> headers, byte[] body) {

    /** The fixed {@code User-Agent} of the platform's webhook sender. */
    public static final String USER_AGENT = "HMS-Sovereign/1.0";

    public WebhookRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(event, "event");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /**
     * The platform's headers for this body: {@code Content-Type}, {@code User-Agent}, {@code X-Webhook-Event},
     * {@code X-Webhook-Timestamp} and, only when {@code secret} is not {@code null}, {@code X-Webhook-Signature}.
     */
    public static WebhookRequest of(URI target, EventType event, byte[] body, String secret, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(WebhookSignature.EVENT_HEADER, event.wireName());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        if (secret != null) {
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        }
        return new WebhookRequest(target, event, timestamp, headers, body);
    }

    /** A copy with one header set ({@code value} {@code null} removes it); the body stays as it is. */
    public WebhookRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new WebhookRequest(target, event, timestamp, copy, body);
    }

    /** A copy with another body and the same headers (so a signature no longer matches). */
    public WebhookRequest withBody(byte[] newBody) {
        return new WebhookRequest(target, event, timestamp, headers, newBody);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest r
                && target.equals(r.target)
                && event == r.event
                && timestamp == r.timestamp
                && headers.equals(r.headers)
                && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, event, timestamp, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "POST " + Redaction.url(target.toString()) + " " + event.wireName() + " (" + body.length + " bytes)";
    }
}
