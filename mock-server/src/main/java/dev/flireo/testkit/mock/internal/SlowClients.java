package dev.flireo.testkit.mock.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Total deadlines for a request's headers and body. Jetty's idle timeout restarts with every byte, so a client
 * sending one byte every few seconds would hold a connection (and, while its body is read, a thread) for ever.
 * Headers: a sweep every {@link #SWEEP} closes each connection whose current request's headers are not complete
 * after the header deadline. Body: {@link RequestGuard} reads it within the body deadline and answers 408.
 * Every client cut off either way is counted ({@code GET /__flireo/health}) and named in one log line.
 */
public final class SlowClients {

    private static final System.Logger LOG = System.getLogger(SlowClients.class.getName());

    static final Duration SWEEP = Duration.ofMillis(250);

    private final Duration headers;
    private final Duration body;
    private final Consumer<String> log;
    private final AtomicLong cut = new AtomicLong();
    /** Per connection in the header phase: the request count when first seen there, and when. */
    private final Map<HttpConnection, long[]> inHeaders = new ConcurrentHashMap<>();

    public SlowClients(Duration headers, Duration body, Consumer<String> log) {
        this.headers = headers;
        this.body = body;
        this.log = log;
    }

    /** How long a request's body may take to arrive, from the end of its headers. */
    public Duration bodyDeadline() {
        return body;
    }

    /** Slow clients cut off since the start. */
    public long cut() {
        return cut.get();
    }

    void cutBody(String who, long got, long declared) {
        cut.incrementAndGet();
        log.accept("cut a slow client (" + who + "): its request body was not complete after " + seconds(body) + " ("
                + got + " of " + (declared < 0 ? "an undeclared number of" : Long.toString(declared)) + " bytes)");
    }

    /** Sweeps the server's connections while it runs. */
    public void watch(Server jetty) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flireo-slow-clients");
            t.setDaemon(true);
            return t;
        });
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                sweeper.scheduleWithFixedDelay(
                        () -> sweep(jetty), SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void lifeCycleStopping(LifeCycle event) {
                sweeper.shutdownNow();
            }
        });
    }

    private void sweep(Server jetty) {
        try {
            long now = System.nanoTime();
            inHeaders.keySet().removeIf(c -> !c.getEndPoint().isOpen());
            for (Connector connector : jetty.getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    if (endPoint.getConnection() instanceof HttpConnection connection) {
                        check(connection, now);
                    }
                }
            }
        } catch (RuntimeException e) {
            // A connection closing under the sweep; the next sweep sees the rest.
            LOG.log(System.Logger.Level.DEBUG, "a connection closed under the slow-client sweep", e);
        }
    }

    private void check(HttpConnection connection, long now) {
        HttpParser parser = connection.getParser();
        // START: nothing of a request yet (the idle timeout's business); from CONTENT on the headers are complete.
        boolean inHeader = !parser.isStart() && parser.getState().ordinal() < HttpParser.State.CONTENT.ordinal();
        if (!inHeader) {
            inHeaders.remove(connection);
            return;
        }
        long requests = connection.getMessagesIn();
        long[] seen = inHeaders.compute(
                connection, (c, old) -> old == null || old[0] != requests ? new long[] {requests, now} : old);
        if (now - seen[1] > headers.toNanos()) {
            inHeaders.remove(connection);
            cut.incrementAndGet();
            log.accept("cut a slow client (" + connection.getEndPoint().getRemoteSocketAddress()
                    + "): its request headers were " + "not complete after " + seconds(headers));
            connection.getEndPoint().close();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
