package dev.flireo.testkit.mock.internal;

/** Runs one operation on a validated request. */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request);
}
