package dev.flireo.testkit.simulator;

/**
 * A delivery of an interrupted run that did not finish: never sent, or sent without its reply coming before the
 * run stopped waiting. {@code call} 0 stands for the security probes.
 */
record Unfinished(int call, String label, boolean sent) {

    String reason() {
        return sent ? "interrupted: sent, but no reply before the run stopped" : "interrupted: not sent";
    }

    @Override
    public String toString() {
        return (call == 0 ? "" : "call " + call + " ") + label + ": " + reason();
    }
}
