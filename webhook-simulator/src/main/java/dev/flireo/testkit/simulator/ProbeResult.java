package dev.flireo.testkit.simulator;

/**
 * One security probe and how the receiver answered it: it passes when the receiver rejected it with a 4xx; an
 * accepted {@code replay} is a warning (the vendor documents no replay defence), every other accepted probe fails.
 */
public record ProbeResult(SecurityProbe probe, Delivery delivery) {

    /** True when the receiver answered 2xx: it would have acted on the forged or stale delivery. */
    public boolean accepted() {
        return delivery.acknowledged();
    }

    /** True when the receiver refused it with a 4xx, as it should. */
    public boolean rejected() {
        return passed() && !warning();
    }

    /** True unless the verdict failed: a rejection, or an accepted replay, which is only a warning. */
    public boolean passed() {
        return delivery.passed();
    }

    /** True when the verdict is a warning: a {@code replay} accepted inside the window (not strict). */
    public boolean warning() {
        return delivery.verdict() != null && delivery.verdict().warning();
    }
}
