package dev.flireo.testkit.simulator;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads the body of one reply, at most {@code limit} bytes of it: a receiver that answers with hundreds of megabytes
 * or an endless chunked stream gets a "reply too large" verdict instead of filling the simulator's memory (the
 * client's own {@code ofByteArray()} would buffer it all). It remembers how far the reply got, so that a reply cut
 * off by a reset, a close or the deadline can be described, and {@link #abandon()} closes the connection of an
 * exchange whose deadline passed (cancelling the client's future alone leaves a dripping body connected).
 * One instance per exchange.
 */
final class ReplyReader implements HttpResponse.BodyHandler<ReplyReader.Body> {

    /** What was read: the whole body, or nothing when it was {@code tooLarge} and reading stopped. */
    record Body(byte[] bytes, boolean tooLarge) {}

    private final int limit;
    private volatile int status;
    private volatile long declaredLength = -1;
    private volatile long received;
    private volatile Flow.Subscription subscription;
    private volatile boolean abandoned;

    ReplyReader(int limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<Body> apply(HttpResponse.ResponseInfo info) {
        declaredLength = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        status = info.statusCode();
        return new Subscriber(declaredLength > limit);
    }

    /** The HTTP status, {@code 0} until the status line and headers have arrived. */
    int status() {
        return status;
    }

    /** The {@code Content-Length} of the reply, {@code -1} when it announced none (or none came yet). */
    long declaredLength() {
        return declaredLength;
    }

    /** Body bytes received so far. */
    long received() {
        return received;
    }

    int limit() {
        return limit;
    }

    /** Stops reading and closes the connection. */
    void abandon() {
        abandoned = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<Body> {
        private final CompletableFuture<Body> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final boolean announcedTooLarge;

        Subscriber(boolean announcedTooLarge) {
            this.announcedTooLarge = announcedTooLarge;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            if (announcedTooLarge || abandoned) {
                stop();
            } else {
                newSubscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (body.isDone()) {
                    return;
                }
                int length = item.remaining();
                received += length;
                if (bytes.size() + length > limit) {
                    stop();
                    return;
                }
                byte[] copy = new byte[length];
                item.get(copy);
                bytes.write(copy, 0, length);
            }
        }

        /** Cancelling the subscription makes the client close the connection: the rest is never read. */
        private void stop() {
            subscription.cancel();
            body.complete(new Body(new byte[0], true));
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(new Body(bytes.toByteArray(), false));
        }

        @Override
        public CompletionStage<Body> getBody() {
            return body;
        }
    }
}
