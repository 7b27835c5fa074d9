package dev.flireo.testkit.mock;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Backs {@link FlireoMockTest}: one server per test class, kept in the class's extension store. */
final class FlireoMockTestExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FlireoMockTestExtension.class);

    /** Stops the server when JUnit closes the class's store. */
    private record Running(FlireoMockServer server, boolean reset)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Running running = running(context);
        if (running.reset()) {
            running.server().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FlireoMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).server();
    }

    private static Running running(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent()
                && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> start(testClass), Running.class);
    }

    private static Running start(Class<?> testClass) {
        FlireoMockTest config = testClass.getAnnotation(FlireoMockTest.class);
        return new Running(options(config).start(), config.resetBetweenTests());
    }

    /** The annotation's attributes as the one {@link MockOptions} they stand for. */
    static MockOptions options(FlireoMockTest config) {
        MockOptions options = FlireoMockServer.options()
                .apiKeys(config.apiKeys())
                .timeScale(config.timeScale())
                .demoData(config.demoData())
                .enforceRateLimits(config.enforceRateLimits())
                .webhookDialect(config.webhookDialect());
        if (config.manualClock()) {
            options.manualClock();
        }
        if (!config.seedFile().isEmpty()) {
            options.seedFile(Path.of(config.seedFile()));
        }
        return options;
    }
}
