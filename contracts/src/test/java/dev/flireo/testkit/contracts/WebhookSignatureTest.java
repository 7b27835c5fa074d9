package dev.flireo.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.SignatureCheck.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // Test vectors from shared/reference/flireo-api-en.md section 5 (and voicedock.md section 2).
    private static final String SECRET = "whsec_test_secret_12345";
    private static final long TS = 1_700_000_000L;
    private static final String STATUS_UPDATE = "{\"message\":{\"type\":\"status-update\",\"timestamp\":"
            + "\"2025-12-13T12:00:00.000Z\",\"call\":{\"id\":\"5c4d030f-43e3-4e65-899e-8148521e660f\","
            + "\"type\":\"inboundPhoneCall\",\"status\":\"in-progress\"},\"phoneNumber\":{\"number\":"
            + "\"+31850835037\",\"name\":\"Flireo Demo\"},\"customer\":{\"number\":\"+31612345678\"}}}";

    private final WebhookSignature.Verifier verifier =
            WebhookSignature.verifier(SECRET).clock(Clock.fixed(Instant.ofEpochSecond(TS + 10), ZoneOffset.UTC));

    @Test
    void signsTheDocumentedTestVectors() {
        assertThat(WebhookSignature.sign(SECRET, TS, "{\"test\":true}"))
                .isEqualTo("sha256=b7875b4bd3cc6c5c1a4453189b5fa746880c17cb42258530a7355906dbc5ec1d");
        assertThat(STATUS_UPDATE.getBytes(StandardCharsets.UTF_8)).hasSize(275);
        assertThat(WebhookSignature.sign(SECRET, TS, STATUS_UPDATE))
                .isEqualTo("sha256=62e7ebe7a7c3c197bc3ef73b70eca051bd122f836a6abdf4e0487dfe2906f3da");
        assertThat(WebhookSignature.sign(SECRET, TS, "{\"message\":{\"type\":\"status-update\"}}"))
                .isEqualTo("sha256=09a6634fdc9688fdc77b1b2997e7d4abbeef50439bee0292c555d21be39b1675");
    }

    @Test
    void acceptsAGenuineDeliveryWithOrWithoutThePrefixAndInAnyHeaderCase() {
        String signature = WebhookSignature.sign(SECRET, TS, STATUS_UPDATE);

        assertThat(verify(signature, Long.toString(TS), STATUS_UPDATE).valid()).isTrue();
        assertThat(verify(signature.substring("sha256=".length()), Long.toString(TS), STATUS_UPDATE)
                        .valid())
                .isTrue();
        SignatureCheck lowerCase = verifier.verify(
                Map.of("x-webhook-signature", signature, "x-webhook-timestamp", Long.toString(TS)),
                bytes(STATUS_UPDATE));
        assertThat(lowerCase).isEqualTo(new SignatureCheck(true, Reason.VALID, "signature is genuine"));
    }

    @Test
    void rejectsMissingHeaders() {
        assertThat(verifier.verify(Map.of("X-Webhook-Timestamp", "1700000000"), bytes("{}"))
                        .reason())
                .isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(verifier.verify(Map.of("X-Webhook-Signature", WebhookSignature.sign(SECRET, TS, "{}")), bytes("{}"))
                        .reason())
                .isEqualTo(Reason.MISSING_TIMESTAMP);
    }

    @Test
    void rejectsATamperedBodyAndAWrongSecretAsAMismatch() {
        String signature = WebhookSignature.sign(SECRET, TS, STATUS_UPDATE);
        String tampered = STATUS_UPDATE.replace("in-progress", "ended");

        assertThat(verify(signature, Long.toString(TS), tampered).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(verify(WebhookSignature.sign("whsec_other", TS, STATUS_UPDATE), Long.toString(TS), STATUS_UPDATE)
                        .reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsATimestampThatWasChangedAfterSigning() {
        String signature = WebhookSignature.sign(SECRET, TS, STATUS_UPDATE);

        assertThat(verify(signature, Long.toString(TS + 1), STATUS_UPDATE).reason())
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsStaleAndFutureTimestampsBeyondTheTolerance() {
        long stale = TS - 301;
        long future = TS + 10 + 301;

        SignatureCheck old = verify(WebhookSignature.sign(SECRET, stale, "{}"), Long.toString(stale), "{}");
        SignatureCheck ahead = verify(WebhookSignature.sign(SECRET, future, "{}"), Long.toString(future), "{}");

        assertThat(old.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
        assertThat(old.message()).contains("311 s old", "300 s");
        assertThat(ahead.reason()).isEqualTo(Reason.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void aToleranceOfZeroSkipsTheAgeCheck() {
        long ancient = 1_000L;
        SignatureCheck check = verifier.tolerance(Duration.ZERO)
                .verify(WebhookSignature.sign(SECRET, ancient, "{}"), "1000", bytes("{}"));

        assertThat(check.valid()).isTrue();
    }

    @Test
    void rejectsMalformedHeaderValues() {
        assertThat(verify("sha256=not-hex", Long.toString(TS), "{}").reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
        assertThat(verify(WebhookSignature.sign(SECRET, TS, "{}"), "2025-12-13T12:00:00Z", "{}")
                        .reason())
                .isEqualTo(Reason.MALFORMED_TIMESTAMP);
    }

    private SignatureCheck verify(String signature, String timestamp, String body) {
        return verifier.verify(signature, timestamp, bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
