package dev.flireo.testkit.mock;

import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.simulator.Delivery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link FlireoMockServer} on a random port.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
 *         .options(FlireoMockServer.options().manualClock()).build();
 * }</pre>
 *
 * As a static field the server lives for the test class and its state is reset before each test (unless
 * {@link Builder#resetBetweenTests(boolean)} says otherwise); as an instance field every test gets its own
 * server. Test methods can also take the {@link FlireoMockServer} as a parameter.
 */
public final class FlireoMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Builder config;
    private FlireoMockServer server;
    private boolean perClass;

    private FlireoMockExtension(Builder config) {
        this.config = config;
    }

    public static Builder newInstance() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        server = config.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            server = config.start();
        } else if (perClass && config.resetBetweenTests) {
            server.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass && server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FlireoMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    /** The running server; fails outside a test's lifecycle. */
    public FlireoMockServer server() {
        if (server == null) {
            throw new IllegalStateException("the Flireo mock is not running: use it inside a test");
        }
        return server;
    }

    public String baseUrl() {
        return server().baseUrl();
    }

    public String legacyBaseUrl() {
        return server().legacyBaseUrl();
    }

    public String adminUrl() {
        return server().adminUrl();
    }

    public int port() {
        return server().port();
    }

    public String apiKey() {
        return server().apiKey();
    }

    /** The generated client on {@link #baseUrl()} with {@link #apiKey()}, e.g. {@code new CallsApi(flireo.client())}. */
    public ApiClient client() {
        return server().client();
    }

    public MockState state() {
        return server().state();
    }

    public List<Delivery> deliveries() {
        return server().deliveries();
    }

    public List<Delivery> awaitDeliveries(int count, Duration timeout) {
        return server().awaitDeliveries(count, timeout);
    }

    public MockClock clock() {
        return server().clock();
    }

    public String startInboundCall(String number, String customer) {
        return server().startInboundCall(number, customer);
    }

    public void setMinutesBalance(double minutes) {
        server().setMinutesBalance(minutes);
    }

    public void nextCallOutcome(String outcome, Duration talk) {
        server().nextCallOutcome(outcome, talk);
    }

    /** Configuration of the extension: the server's {@link MockOptions}, whole, plus the reset policy. */
    public static final class Builder {
        private MockOptions options = FlireoMockServer.options();
        private boolean resetBetweenTests = true;

        private Builder() {}

        /** The server's options, e.g. {@code .options(FlireoMockServer.options().manualClock().demoData(true))}. */
        public Builder options(MockOptions options) {
            this.options = java.util.Objects.requireNonNull(options, "options");
            return this;
        }

        /** Whether a class-wide server goes back to its start state before each test (default true). */
        public Builder resetBetweenTests(boolean reset) {
            this.resetBetweenTests = reset;
            return this;
        }

        public FlireoMockExtension build() {
            return new FlireoMockExtension(this);
        }

        FlireoMockServer start() {
            return options.start();
        }
    }
}
