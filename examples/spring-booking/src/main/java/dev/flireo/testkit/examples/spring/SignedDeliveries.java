package dev.flireo.testkit.examples.spring;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Accepts a delivery only when its {@code X-Webhook-Signature} is the HMAC-SHA256 of {@code timestamp.body} under
 * the webhook secret, its timestamp is within five minutes, and the same signature was not presented before (a
 * replay; a real re-delivery is signed anew). Production code, so plain JDK crypto rather than a test library.
 */
final class SignedDeliveries {

    private static final long TOLERANCE_SECONDS = 300;

    private final SecretKeySpec key;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();

    SignedDeliveries(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Null when the delivery is genuine and new, else why it is refused. */
    String refusal(String signature, String timestamp, byte[] body) {
        long sent;
        try {
            sent = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            return "missing or malformed X-Webhook-Timestamp";
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - sent) > TOLERANCE_SECONDS) {
            return "stale X-Webhook-Timestamp";
        }
        if (signature == null
                || !MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII), sign(sent, body))) {
            return "signature does not match";
        }
        seenUntil.values().removeIf(until -> until < now);
        return seenUntil.putIfAbsent(signature, now + 2 * TOLERANCE_SECONDS) == null ? null : "replayed delivery";
    }

    private byte[] sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
