package dev.flireo.testkit.contracts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's webhook signature: {@code X-Webhook-Signature: sha256=<lowercase hex>} of HMAC-SHA256, keyed with
 * the assistant's {@code webhook_secret}, over {@code X-Webhook-Timestamp + "." + raw body}.
 *
 * <pre>{@code
 * String header = WebhookSignature.sign(secret, timestamp, body);
 * SignatureCheck check = WebhookSignature.verifier(secret).verify(headers, body);
 * }</pre>
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    public static final String EVENT_HEADER = "X-Webhook-Event";
    public static final String PREFIX = "sha256=";
    /** The documented freshness window: "optionally reject requests older than 5 minutes". */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {}

    /** {@code sha256=<hex>} for this body, as the platform would send it. */
    public static String sign(String secret, long timestamp, byte[] rawBody) {
        return PREFIX + HEX.formatHex(hmac(keyedMac(secret), timestamp, rawBody));
    }

    /** {@link #sign(String, long, byte[])} for a body given as text (UTF-8, as sent on the wire). */
    public static String sign(String secret, long timestamp, String rawBody) {
        return sign(secret, timestamp, rawBody.getBytes(StandardCharsets.UTF_8));
    }

    /** A verifier for one secret, with the default 300 s tolerance and the system clock. */
    public static Verifier verifier(String secret) {
        return new Verifier(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    private static Mac keyedMac(String secret) {
        Objects.requireNonNull(secret, "secret");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    private static byte[] hmac(Mac mac, long timestamp, byte[] rawBody) {
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(rawBody);
    }

    /** Checks deliveries against one secret. Immutable; safe to share between threads. */
    public static final class Verifier {
        private final String secret;
        private final Duration tolerance;
        private final Clock clock;
        /** Keyed once and never used itself: each check works on a clone, which skips the key set-up. */
        private final Mac keyed;

        private Verifier(String secret, Duration tolerance, Clock clock) {
            this.secret = Objects.requireNonNull(secret, "secret");
            this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.keyed = keyedMac(secret);
        }

        /** How far the timestamp may be from now, either way; {@link Duration#ZERO} skips the age check. */
        public Verifier tolerance(Duration tolerance) {
            return new Verifier(secret, tolerance, clock);
        }

        public Verifier clock(Clock clock) {
            return new Verifier(secret, tolerance, clock);
        }

        private Mac freshMac() {
            try {
                return (Mac) keyed.clone();
            } catch (CloneNotSupportedException e) {
                return keyedMac(secret);
            }
        }

        /** Verifies a delivery from its headers (any case) and its raw body bytes. */
        public SignatureCheck verify(Map<String, String> headers, byte[] rawBody) {
            Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            byName.putAll(headers);
            return verify(byName.get(SIGNATURE_HEADER), byName.get(TIMESTAMP_HEADER), rawBody);
        }

        /** Verifies a delivery from the two header values and its raw body bytes. */
        public SignatureCheck verify(String signature, String timestamp, byte[] rawBody) {
            if (signature == null || signature.isBlank()) {
                return SignatureCheck.fail(
                        SignatureCheck.Reason.MISSING_SIGNATURE, "no " + SIGNATURE_HEADER + " header");
            }
            if (timestamp == null || timestamp.isBlank()) {
                return SignatureCheck.fail(
                        SignatureCheck.Reason.MISSING_TIMESTAMP, "no " + TIMESTAMP_HEADER + " header");
            }
            long seconds;
            try {
                seconds = Long.parseLong(timestamp.strip());
            } catch (NumberFormatException e) {
                return SignatureCheck.fail(
                        SignatureCheck.Reason.MALFORMED_TIMESTAMP,
                        TIMESTAMP_HEADER + " must be Unix seconds, got '" + timestamp + "'");
            }
            String hex = signature.strip();
            if (hex.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                hex = hex.substring(PREFIX.length());
            }
            byte[] given;
            try {
                given = HEX.parseHex(hex.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return SignatureCheck.fail(
                        SignatureCheck.Reason.MALFORMED_SIGNATURE,
                        SIGNATURE_HEADER + " must be sha256=<64 hex characters>");
            }
            // Constant time: MessageDigest.isEqual does not stop at the first differing byte.
            if (!MessageDigest.isEqual(given, hmac(freshMac(), seconds, rawBody))) {
                return SignatureCheck.fail(
                        SignatureCheck.Reason.SIGNATURE_MISMATCH,
                        "signature does not match: the body was changed or the secret is wrong");
            }
            return checkAge(seconds);
        }

        // The age check comes after the HMAC so that a forged timestamp cannot be told apart from a stale one.
        private SignatureCheck checkAge(long seconds) {
            if (tolerance.isZero()) {
                return SignatureCheck.ok();
            }
            long skew = clock.instant().getEpochSecond() - seconds;
            if (skew > tolerance.toSeconds()) {
                return SignatureCheck.fail(
                        SignatureCheck.Reason.TIMESTAMP_TOO_OLD,
                        "timestamp is " + skew + " s old; tolerance is " + tolerance.toSeconds() + " s");
            }
            if (-skew > tolerance.toSeconds()) {
                return SignatureCheck.fail(
                        SignatureCheck.Reason.TIMESTAMP_IN_FUTURE,
                        "timestamp is " + -skew + " s in the future; tolerance is " + tolerance.toSeconds() + " s");
            }
            return SignatureCheck.ok();
        }
    }
}
