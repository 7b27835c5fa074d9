package dev.flireo.testkit.mock;

import java.nio.file.Path;

/**
 * The state file given to {@link MockOptions#stateFile(Path)} cannot be used: it cannot be read or
 * written, is not JSON, or is not a mock state. The message names the file and the problem; a file that was there
 * is left as it was.
 */
public final class StateFileException extends IllegalStateException {

    private final transient Path file;

    public StateFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
