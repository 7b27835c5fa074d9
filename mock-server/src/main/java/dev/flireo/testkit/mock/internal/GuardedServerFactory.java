package dev.flireo.testkit.mock.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty12.Jetty12HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** Builds WireMock's Jetty 12 server with the {@link RequestGuard} in front of every stub and JSON error pages. */
public final class GuardedServerFactory implements HttpServerFactory {

    private final RequestGuard guard;

    public GuardedServerFactory(RequestGuard guard) {
        this.guard = guard;
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        RequestGuard requestGuard = guard;
        // Jetty12HttpServer calls these hooks from its constructor, before a subclass's own fields are set; an
        // anonymous class's captured variables are set before that, so the hooks use only requestGuard.
        return new Jetty12HttpServer(options, admin, stubs) {
            @Override
            protected void applyAdditionalServerConfiguration(Server server, Options config) {
                super.applyAdditionalServerConfiguration(server, config);
                server.setErrorHandler(new JsonErrorHandler(requestGuard, null));
            }

            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                context.addFilter(new FilterHolder(requestGuard), "/*", EnumSet.of(DispatcherType.REQUEST));
            }

            @Override
            protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
                context.setErrorHandler(new JsonErrorHandler(requestGuard, (ErrorHandler) context.getErrorHandler()));
            }
        };
    }
}
