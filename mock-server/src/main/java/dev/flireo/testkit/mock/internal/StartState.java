package dev.flireo.testkit.mock.internal;

import dev.flireo.testkit.mock.MockOptions;
import dev.flireo.testkit.mock.StateFileException;
import dev.flireo.testkit.mock.internal.calls.Calls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a mock's state comes from and goes to: the state file when there is one (restored at the start, kept up to
 * date by a {@link StateWriter}), else the demo data and the seed file, which are also the state of a reset.
 */
final class StartState {

    private final MockOptions options;
    private final StateStore store;
    private final MockContext ctx;
    private final Calls engine;
    private final StateWriter writer;

    /** Loads the start state into {@code store}: the state file's, else the seeded one. */
    StartState(MockOptions options, MockContext ctx, Calls engine) {
        this.options = options;
        this.store = ctx.state();
        this.ctx = ctx;
        this.engine = engine;
        StateFile file = options.stateFile() == null ? null : new StateFile(options.stateFile());
        if (!restore(file)) {
            seed();
        }
        this.writer = file == null ? null : new StateWriter(store, file, options.onWarning());
    }

    /** The state file's state, when there is a file; a file that cannot be used stops the start, untouched. */
    private boolean restore(StateFile file) {
        try {
            if (file == null || !file.loadInto(store)) {
                return false;
            }
        } catch (IllegalStateException e) {
            throw new StateFileException(options.stateFile(), e.getMessage(), e.getCause());
        }
        engine.adopt();
        return true;
    }

    /** The demo data and the seed file, as asked for; what a reset goes back to. */
    void seed() {
        if (options.demoData()) {
            Seeds.demo(ctx);
        }
        Path seedFile = options.seedFile();
        if (seedFile != null) {
            try {
                store.load(Json.parse(Files.readString(seedFile)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read seed file " + seedFile, e);
            }
        }
        engine.adopt();
    }

    /** Writes the state file now (so an unwritable one fails the start) and after every change from here on. */
    void startWriting() {
        if (writer != null) {
            try {
                writer.start();
            } catch (IOException e) {
                throw new StateFileException(
                        options.stateFile(), "cannot write state file " + options.stateFile() + ": " + e, e);
            }
        }
    }

    /** Why the last write of the state file failed; null when it succeeded or there is no file. */
    String problem() {
        return writer == null ? null : writer.problem();
    }

    /** Writes the state file a last time; returns why that failed, or null. */
    String close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                return "cannot write state file " + options.stateFile() + ": " + e;
            }
        }
        return null;
    }
}
