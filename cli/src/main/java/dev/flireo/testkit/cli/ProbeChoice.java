package dev.flireo.testkit.cli;

import dev.flireo.testkit.simulator.SecurityProbe;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@code --probe-security}: absent (no probes), {@code all} (the bare option), {@code strict} (all, an
 * accepted replay fails), or a comma-separated list of probe names, which may include {@code strict}.
 */
record ProbeChoice(boolean on, List<SecurityProbe> probes, boolean strict) {

    static ProbeChoice parse(String value) {
        if (value == null) {
            return new ProbeChoice(false, List.of(), false);
        }
        List<SecurityProbe> chosen = new ArrayList<>();
        boolean strict = false;
        for (String part : value.split(",")) {
            String name = part.strip();
            if (name.equals("strict")) {
                strict = true;
            } else if (!name.equals("all") && !name.isEmpty()) {
                chosen.add(probe(name));
            }
        }
        return new ProbeChoice(true, List.copyOf(chosen), strict);
    }

    /** The probe; an unknown name may be a scenario that the bare option swallowed, which the message says. */
    private static SecurityProbe probe(String name) {
        try {
            return SecurityProbe.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--probe-security: " + e.getMessage() + " (or strict); to name "
                            + "a scenario after it, write --probe-security=all or put the scenario first",
                    e);
        }
    }

    void applyTo(WebhookSimulator simulator) {
        if (!on) {
            simulator.probeSecurity(false);
            return;
        }
        if (probes.isEmpty()) {
            simulator.probeSecurity(true);
        } else {
            simulator.probes(probes.toArray(SecurityProbe[]::new));
        }
        simulator.strictProbes(strict);
    }
}
