package dev.flireo.testkit.simulator;

/** A scenario that cannot be found or read; the message names the file, the line and what was expected. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
