package dev.flireo.testkit.contracts;

/** The outcome of verifying one delivery's signature. */
public record SignatureCheck(boolean valid, Reason reason, String message) {

    /** Why a delivery was rejected. HMAC cannot tell a changed body from a wrong secret: both are a mismatch. */
    public enum Reason {
        VALID,
        MISSING_SIGNATURE,
        MISSING_TIMESTAMP,
        MALFORMED_SIGNATURE,
        MALFORMED_TIMESTAMP,
        SIGNATURE_MISMATCH,
        TIMESTAMP_TOO_OLD,
        TIMESTAMP_IN_FUTURE
    }

    static SignatureCheck ok() {
        return new SignatureCheck(true, Reason.VALID, "signature is genuine");
    }

    static SignatureCheck fail(Reason reason, String message) {
        return new SignatureCheck(false, reason, message);
    }
}
