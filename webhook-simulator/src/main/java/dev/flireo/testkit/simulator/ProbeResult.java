package dev.flireo.testkit.simulator;

/** One security probe and how the receiver answered it; it passes when the receiver rejected it with a 4xx. */
public record ProbeResult(SecurityProbe probe, Delivery delivery) {

    /** True when the receiver answered 2xx: it would have acted on the forged or stale delivery. */
    public boolean accepted() {
        return delivery.acknowledged();
    }

    public boolean passed() {
        return delivery.passed();
    }
}
