package dev.flireo.testkit.mock.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty12.Jetty12HttpServer;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.Graceful;

/**
 * WireMock's Jetty 12 server, able to drain, with the mock's filters and error pages. WireMock's own stop closes every open connection at once and so cuts
 * the requests in flight; {@link #drain(Duration)} first stops accepting (the listening socket is closed, a request
 * on a connection already open is answered 503) and waits for the requests in flight to finish.
 */
public final class GracefulJetty implements HttpServerFactory {

    private final Consumer<ServletContextHandler> decorateMockService;
    private final UnaryOperator<ErrorHandler> errorPages;
    private final Consumer<org.eclipse.jetty.server.Server> onBuilt;
    private volatile Server server;

    /**
     * @param decorateMockService adds to the servlet context of WireMock's stub servlet (e.g. a filter)
     * @param errorPages          the error handler for the server (given null) and for the stub servlet's context
     *                            (given WireMock's own, to fall back on)
     * @param onBuilt             given the Jetty server once it is configured (e.g. to watch its connections)
     */
    public GracefulJetty(
            Consumer<ServletContextHandler> decorateMockService,
            UnaryOperator<ErrorHandler> errorPages,
            Consumer<org.eclipse.jetty.server.Server> onBuilt) {
        this.decorateMockService = decorateMockService;
        this.errorPages = errorPages;
        this.onBuilt = onBuilt;
    }

    @Override
    public String getName() {
        return "flireo-graceful-jetty12";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        Server built = new Server(options, admin, stubs);
        server = built;
        return built;
    }

    /**
     * Stops accepting and waits up to {@code timeout} for the requests in flight.
     *
     * @return how many requests were still in flight when the time ran out (0 when all finished)
     */
    public long drain(Duration timeout) {
        Server current = server;
        return current == null ? 0 : current.drain(timeout);
    }

    /** An inner class: the superclass constructor already calls the overrides, which read the outer instance. */
    private final class Server extends Jetty12HttpServer {

        Server(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            super(options, admin, stubs);
        }

        @Override
        protected void applyAdditionalServerConfiguration(org.eclipse.jetty.server.Server jetty, Options options) {
            super.applyAdditionalServerConfiguration(jetty, options);
            jetty.setErrorHandler(errorPages.apply(null));
            onBuilt.accept(jetty);
        }

        @Override
        protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
            decorateMockService.accept(context);
        }

        @Override
        protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
            context.setErrorHandler(errorPages.apply((ErrorHandler) context.getErrorHandler()));
        }

        @Override
        protected Handler createHandler(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            return new GracefulHandler(super.createHandler(options, admin, stubs));
        }

        long drain(Duration timeout) {
            if (!jettyServer.isStarted()) {
                return 0;
            }
            GracefulHandler requests = (GracefulHandler) jettyServer.getHandler();
            Graceful.shutdown(jettyServer); // the connectors stop accepting, the handler turns new requests away
            long deadline = System.nanoTime() + timeout.toNanos();
            while (requests.getCurrentRequestCount() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return requests.getCurrentRequestCount();
        }
    }
}
