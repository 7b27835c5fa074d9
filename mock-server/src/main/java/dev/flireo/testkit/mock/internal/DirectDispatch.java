package dev.flireo.testkit.mock.internal;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.jetty.JettyFaultInjectorFactory;
import com.github.tomakehurst.wiremock.jetty12.Jetty12HttpUtils;
import com.github.tomakehurst.wiremock.servlet.FaultInjectorFactory;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Answers the mock's own paths from a servlet filter in front of WireMock. A profile of {@code POST /assistants}
 * spent over half its CPU time in WireMock's per-request work (the request log entry, stub matching, rendering
 * the response definition) around the mock's own handling; answering here skips it.
 *
 * <p>A request still goes the long way, through WireMock's catch-all stub and {@link DispatchTransformer}, when
 * WireMock has to see it: while the request journal is on, or once someone added a stub of their own (it may
 * override one of the mock's paths). It must sit behind the {@link RequestGuard}, whose {@link BufferedRequest}
 * carries the checked body and says whether the path is the mock's. Injected faults and delays are applied here with WireMock's own fault
 * injector, so they behave the same on both ways.
 */
public final class DirectDispatch implements Filter, StubLifecycleListener {

    /** WireMock's own connection faults for Jetty 12, as its stub servlet injects them. */
    private static final FaultInjectorFactory FAULTS = new JettyFaultInjectorFactory(new Jetty12HttpUtils());

    private final DispatchTransformer.Dispatch dispatch;
    private final boolean journal;
    private final int ownStubs;
    private volatile Supplier<Integer> stubCount = () -> 0;
    private volatile boolean userStubs;

    /**
     * @param journal   whether WireMock's request journal is on (then every request goes through WireMock)
     * @param ownStubs  how many catch-all stubs the mock itself registers
     */
    public DirectDispatch(DispatchTransformer.Dispatch dispatch, boolean journal, int ownStubs) {
        this.dispatch = dispatch;
        this.journal = journal;
        this.ownStubs = ownStubs;
    }

    /** Puts this filter in front of WireMock's stub servlet (the server is built by {@link GracefulJetty}). */
    public void addTo(ServletContextHandler mockServiceContext) {
        mockServiceContext.addFilter(new FilterHolder(this), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /** Tells the filter how to count WireMock's stubs (known only once WireMock exists). */
    public void countStubsWith(Supplier<Integer> count) {
        this.stubCount = count;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // The RequestGuard in front has read, bounded and checked the body, and knows whose path it is.
        if (journal || userStubs || !(request instanceof BufferedRequest buffered) || !buffered.ours()) {
            chain.doFilter(req, res);
            return;
        }
        String query = request.getQueryString();
        String url = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        HttpResult result = dispatch.handle(request.getMethod(), url, RequestGuard.headers(request), buffered.body());
        if (result.delayMillis() > 0) {
            sleep(result.delayMillis());
        }
        if (result.fault() != null) {
            result.fault().apply(FAULTS.buildFaultInjector(request, response));
            return;
        }
        response.setStatus(result.status());
        result.headers().forEach(response::setHeader);
        byte[] out = result.body() == null ? new byte[0] : result.body();
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recount() {
        userStubs = stubCount.get() > ownStubs;
    }

    @Override
    public void afterStubCreated(StubMapping stub) {
        recount();
    }

    @Override
    public void afterStubEdited(StubMapping oldStub, StubMapping newStub) {
        recount();
    }

    @Override
    public void afterStubRemoved(StubMapping stub) {
        recount();
    }

    @Override
    public void afterStubsReset() {
        recount();
    }

    @Override
    public String getName() {
        return "flireo-direct-dispatch";
    }
}
