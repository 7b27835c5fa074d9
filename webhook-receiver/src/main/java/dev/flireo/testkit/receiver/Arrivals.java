package dev.flireo.testkit.receiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The deliveries so far, and waits on them: an arrival wakes every waiter, so no one polls or sleeps. */
final class Arrivals {

    private final List<ReceivedWebhook> received = new ArrayList<>();

    synchronized void add(ReceivedWebhook delivery) {
        received.add(delivery);
        notifyAll();
    }

    synchronized List<ReceivedWebhook> all() {
        return List.copyOf(received);
    }

    synchronized void clear() {
        received.clear();
    }

    /** Waits until {@code done} holds for what arrived; an {@link AssertionError} naming what did arrive if not. */
    synchronized List<ReceivedWebhook> await(Predicate<List<ReceivedWebhook>> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + what + " within " + timeout + "; received " + received.size()
                        + (received.isEmpty() ? "" : ": " + received));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        return List.copyOf(received);
    }
}
