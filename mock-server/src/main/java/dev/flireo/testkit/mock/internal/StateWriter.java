package dev.flireo.testkit.mock.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the state file up to date from a background thread. A change schedules a write {@link #DEBOUNCE} later, so
 * a burst of changes becomes one write of the whole state; the pause before the next write is never shorter than
 * the last write took, so however large the state grows, writing it takes at most about half of one core.
 * {@link #close()} writes once more, synchronously: what the mock held when it stopped is on disk.
 */
public final class StateWriter implements AutoCloseable {

    /** How long a change waits for more before the state is written. */
    static final Duration DEBOUNCE = Duration.ofMillis(200);

    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final StateStore store;
    private final StateFile file;
    private final Consumer<String> onProblem;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread t = new Thread(runnable, "flireo-state-writer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private long writtenVersion = -1;
    private volatile long lastWriteNanos;
    private volatile String problem;
    private volatile boolean closed;

    public StateWriter(StateStore store, StateFile file, Consumer<String> onProblem) {
        this.store = store;
        this.file = file;
        this.onProblem = onProblem;
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Writes the current state now (so an unwritable file fails the start), then follows every change. */
    public void start() throws IOException {
        file.removeLeftovers();
        writeIfChanged();
        store.onChange(this::changed);
    }

    private void changed() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            long delay = Math.max(DEBOUNCE.toNanos(), lastWriteNanos);
            thread.schedule(this::writeScheduled, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void writeScheduled() {
        scheduled.set(false); // a change from now on schedules the next write
        try {
            writeIfChanged();
            if (problem != null) {
                problem = null;
                onProblem.accept("state file " + file + " is written again");
            }
        } catch (IOException | RuntimeException e) {
            if (problem == null) {
                problem = "cannot write state file " + file + ": " + e;
                onProblem.accept(problem + "; retrying every " + RETRY_AFTER_FAILURE.toSeconds() + " s");
            }
            if (!closed && scheduled.compareAndSet(false, true)) {
                thread.schedule(this::writeScheduled, RETRY_AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void writeIfChanged() throws IOException {
        // Read before the export: a change counted after this may or may not be in it, and is written next time.
        long version = store.version();
        if (version == writtenVersion) {
            return;
        }
        long start = System.nanoTime();
        file.write(store.export());
        lastWriteNanos = System.nanoTime() - start;
        writtenVersion = version;
    }

    /** Why the last write failed, or null when it succeeded (health shows it). */
    public String problem() {
        return problem;
    }

    /** Stops following changes and writes the final state; waits for a write in progress first. */
    @Override
    public void close() throws IOException {
        closed = true;
        thread.shutdown();
        writeIfChanged();
    }
}
