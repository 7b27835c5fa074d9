package dev.flireo.testkit.mock.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads one request body within a total deadline. Jetty's idle timeout restarts with every byte; set to what is
 * left of the deadline before each read that would block, it ends a trickling or short body at the deadline. A
 * read that needs no waiting (the usual case: the body is there) touches no timeout.
 */
final class BodyDeadline {

    private final EndPoint endPoint;
    private final long idle;
    private final long end;
    private boolean armed;
    private long got;

    private BodyDeadline(EndPoint endPoint, Duration deadline) {
        this.endPoint = endPoint;
        this.idle = endPoint == null ? 0 : endPoint.getIdleTimeout();
        this.end = System.nanoTime() + deadline.toNanos();
    }

    static BodyDeadline start(HttpServletRequest request, Duration deadline) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        EndPoint endPoint = jetty == null
                ? null
                : jetty.getConnectionMetaData().getConnection().getEndPoint();
        return new BodyDeadline(endPoint, deadline);
    }

    /** The stream, read under the deadline. */
    InputStream wrap(InputStream in) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (in.available() <= 0) {
                    arm();
                }
                int n = in.read(b, off, len);
                got += Math.max(0, n);
                return n;
            }
        };
    }

    private void arm() {
        if (endPoint == null) {
            return;
        }
        long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
        endPoint.setIdleTimeout(idle > 0 ? Math.min(idle, left) : left);
        armed = true;
    }

    /** Whether the deadline has passed. */
    boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /** Bytes read so far. */
    long got() {
        return got;
    }

    /** The connection's own idle timeout again, for the rest of the exchange and the next request. */
    void restore() {
        if (armed) {
            endPoint.setIdleTimeout(idle);
        }
    }
}
