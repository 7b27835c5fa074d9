package dev.flireo.testkit.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Detection;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the receiver got it: path, query, headers (looked up in any case), the raw body the signature
 * covers, and when it arrived.
 */
public record ReceivedWebhook(String path, String query, Map<String, String> headers, byte[] body, Instant receivedAt) {

    static final ObjectMapper JSON = new ObjectMapper();

    public ReceivedWebhook {
        TreeMap<String, String> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        anyCase.putAll(headers);
        headers = Collections.unmodifiableMap(anyCase);
        body = body.clone();
    }

    /** The raw body, as signed; a copy. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The {@code X-Webhook-Event} header, or the event type read from the body when a sender left it out. */
    public String event() {
        String header = headers.get(WebhookSignature.EVENT_HEADER);
        if (header != null) {
            return header;
        }
        return detection().map(found -> found.eventType().wireName()).orElse(null);
    }

    /** The dialect of the body (Flireo, VoiceDock or legacy), empty when it is no webhook payload. */
    public Optional<Dialect> dialect() {
        return detection().map(Detection::dialect);
    }

    /** The body as JSON; fails naming the body when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the delivery's body is not JSON: " + text(), e);
        }
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Checks the signature headers against {@code secret} with the platform's scheme and tolerance. */
    public SignatureCheck signature(String secret) {
        return WebhookSignature.verifier(secret).verify(headers, body);
    }

    /** Whether the delivery was signed with {@code secret} (and recently enough). */
    public boolean signedWith(String secret) {
        return signature(secret).valid();
    }

    private Optional<Detection> detection() {
        try {
            return Contracts.detect(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return event() + " to " + path + (query == null ? "" : "?" + query) + ": " + text();
    }
}
