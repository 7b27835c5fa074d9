package dev.flireo.testkit.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.flireo.testkit.mock.MockOptions;
import java.time.Duration;
import java.util.List;

/**
 * The mock's HTTP side: WireMock on a drainable Jetty, with the {@link RequestGuard} and {@link DirectDispatch}
 * in front of it and one catch-all stub per served prefix behind, all handing requests to one {@link
 * DispatchTransformer.Dispatch}.
 */
public final class MockHttp {

    /** The paths the mock answers itself: the Flireo API, the legacy API and the admin API. */
    static final List<String> PREFIXES = List.of(MockApi.FLIREO_PREFIX, MockApi.LEGACY_PREFIX, Admin.PREFIX);
    /** Jetty's request threads, as many as the figures in the README's benchmark were measured with. */
    private static final int CONTAINER_THREADS = 32;

    private final WireMockServer wireMock;
    private final GracefulJetty jetty;
    private final SlowClients slowClients;

    MockHttp(MockOptions options, DispatchTransformer.Dispatch dispatch, RequestGuard.Refusals refusals) {
        DirectDispatch direct = new DirectDispatch(dispatch, options.requestJournal() > 0, PREFIXES.size());
        // The guard first: it bounds and checks each request before the mock or WireMock reads it.
        this.slowClients = new SlowClients(options.headerTimeout(), options.bodyTimeout(), options.onWarning());
        RequestGuard guard = new RequestGuard(options.maxBodySize(), PREFIXES, refusals, slowClients);
        this.jetty = new GracefulJetty(
                context -> {
                    guard.addTo(context);
                    direct.addTo(context);
                },
                guard::errorPages,
                slowClients::watch);
        WireMockConfiguration config = WireMockConfiguration.options()
                .port(options.port())
                .bindAddress(options.bindAddress())
                .notifier(new ConsoleNotifier(false))
                .containerThreads(CONTAINER_THREADS)
                .jettyAcceptors(Math.min(2, Runtime.getRuntime().availableProcessors()))
                .stubRequestLoggingDisabled(true)
                .templatingEnabled(false)
                .disableOptimizeXmlFactoriesLoading(true)
                // HTTP/1.1 only: the platform speaks it, and WireMock's connection faults cannot break an h2c stream.
                .http2PlainDisabled(true)
                .httpServerFactory(jetty)
                .extensions(new DispatchTransformer(dispatch), new LazyHttpClientFactory(), direct);
        if (options.requestJournal() > 0) {
            config.maxRequestJournalEntries(options.requestJournal());
        } else {
            config.disableRequestJournal();
        }
        this.wireMock = new WireMockServer(config);
        for (String prefix : PREFIXES) {
            wireMock.stubFor(any(urlPathMatching(prefix.replace("/", "\\/") + "(/.*)?"))
                    .willReturn(aResponse().withTransformers(DispatchTransformer.NAME)));
        }
        direct.countStubsWith(() -> wireMock.getStubMappings().size());
    }

    WireMockServer wireMock() {
        return wireMock;
    }

    /** Listens from here on; requests that arrive before the mock is ready wait in its dispatch. */
    void start() {
        wireMock.start();
    }

    int port() {
        return wireMock.port();
    }

    /** Slow clients cut off so far (reported by health). */
    long slowClientsCut() {
        return slowClients.cut();
    }

    /**
     * Stops accepting and waits up to {@code timeout} for the requests in flight.
     *
     * @return how many were still in flight when the time ran out
     */
    long drain(Duration timeout) {
        return wireMock.isRunning() ? jetty.drain(timeout) : 0;
    }

    void stop() {
        if (wireMock.isRunning()) {
            wireMock.stop();
        }
    }
}
