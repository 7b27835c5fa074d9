package dev.flireo.testkit.archfixture.internal;

/** An internal type of another "module" than {@code dev.flireo.testkit.architecture}, for its tests to reach. */
public class Foreign {}
