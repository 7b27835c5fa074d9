package dev.flireo.testkit.simulator;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Says in one line what a target did when an exchange gave no usable reply: refused, hung, reset or closed the
 * connection (before or in the middle of the reply), spoke something other than HTTP, failed TLS, or answered with
 * more than the simulator reads. The HTTP client's exceptions name the mechanism; this names the target's behaviour.
 */
final class ExchangeFailure {

    private ExchangeFailure() {}

    static String describe(
            Throwable failure, URI target, Duration timeout, Duration connectTimeout, ReplyReader reply) {
        Throwable cause = unwrap(failure);
        String where = target.getHost() + ":" + port(target);
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect to " + where
                    + ("https".equalsIgnoreCase(target.getScheme()) ? " and complete the TLS handshake" : "")
                    + " within " + connectTimeout.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            // The deadline covers the whole reply: a body dripping in byte by byte does not extend it.
            return reply.status() == 0
                    ? "no answer within " + timeout.toSeconds() + " s (timed out)"
                    : "HTTP " + reply.status() + " came, but its body did not finish within " + timeout.toSeconds()
                            + " s (" + bodyProgress(reply) + " received; timed out)";
        }
        if (cause instanceof ConnectException) {
            return "connection refused by " + where;
        }
        if (find(cause, SSLException.class) != null) {
            return "TLS failed with " + where + ": " + message(find(cause, SSLException.class));
        }
        if (!(cause instanceof ProtocolException) && isReset(cause)) {
            return "connection reset by " + where + (reply.status() == 0 ? " before any answer" : midReply(reply));
        }
        if (!(cause instanceof ProtocolException) && find(cause, EOFException.class) != null) {
            return where + " closed the connection" + (reply.status() == 0 ? " without answering" : midReply(reply));
        }
        if (cause instanceof IOException) {
            return "no valid HTTP answer from " + where + ": " + message(cause);
        }
        return "delivery failed: " + message(cause);
    }

    /** A reply whose body is over the limit: named by what it announced or by how far it got. */
    static String tooLarge(ReplyReader reply) {
        String limit = size(reply.limit());
        if (reply.declaredLength() > reply.limit()) {
            return "reply too large: HTTP " + reply.status() + " announced " + reply.declaredLength()
                    + " bytes (Content-Length), over the " + limit + " limit; not read";
        }
        return "reply too large: HTTP " + reply.status() + " sent more than the " + limit
                + " limit; reading stopped there";
    }

    private static String midReply(ReplyReader reply) {
        return " in the middle of the reply (HTTP " + reply.status() + ", " + bodyProgress(reply) + ")";
    }

    private static String bodyProgress(ReplyReader reply) {
        return reply.received() + (reply.declaredLength() >= 0 ? " of " + reply.declaredLength() : "")
                + " bytes of the body";
    }

    private static boolean isReset(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof IOException && (text.contains("connection reset") || text.contains("broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static int port(URI target) {
        if (target.getPort() >= 0) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }

    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        String text = t.getMessage() == null ? "" : t.getMessage();
        return text.isBlank() ? t.getClass().getSimpleName() : text;
    }
}
