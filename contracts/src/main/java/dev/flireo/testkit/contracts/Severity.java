package dev.flireo.testkit.contracts;

/** How much a {@link Violation} matters: errors break the contract, warnings only point something out. */
public enum Severity {
    ERROR,
    WARNING
}
