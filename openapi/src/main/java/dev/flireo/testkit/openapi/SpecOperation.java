package dev.flireo.testkit.openapi;

/**
 * One operation or webhook of a bundled document, with the fidelity marker its spec gives it.
 *
 * @param source {@code seen} or {@code inferred}, from the operation's {@code x-source}
 * @param sourceRef where the fact came from, from {@code x-source-ref}
 */
public record SpecOperation(
        SpecDocument document,
        Kind kind,
        String method,
        String path,
        String operationId,
        String summary,
        String source,
        String sourceRef,
        boolean deprecated) {

    public enum Kind {
        OPERATION,
        WEBHOOK
    }
}
