package dev.flireo.testkit.contracts;

/** The dialect and event type {@link Contracts#detect} recognised in a payload. */
public record Detection(Dialect dialect, EventType eventType) {}
