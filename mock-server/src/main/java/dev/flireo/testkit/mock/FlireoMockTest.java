package dev.flireo.testkit.mock;

import dev.flireo.testkit.contracts.Dialect;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link FlireoMockServer} for the annotated test class, reset before each test, and injects it into test
 * and lifecycle methods that declare a {@link FlireoMockServer} parameter.
 *
 * <pre>{@code
 * @FlireoMockTest(manualClock = true)
 * class MyTest {
 *     @Test
 *     void createsAnAssistant(FlireoMockServer flireo) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlireoMockTestExtension.class)
public @interface FlireoMockTest {

    /** Accepted API keys; empty = any non-empty key. */
    String[] apiKeys() default {};

    /** Speed of the mock clock relative to real time. */
    double timeScale() default 1;

    /** A clock that moves only when the test advances it. */
    boolean manualClock() default false;

    /** Start with the demo assistant, number and past calls. */
    boolean demoData() default false;

    boolean enforceRateLimits() default false;

    boolean resetBetweenTests() default true;

    /** The payload dialect of the live calls' webhooks: VOICEDOCK (snake_case, the default) or FLIREO (camelCase). */
    Dialect webhookDialect() default Dialect.VOICEDOCK;

    /** A seed file (export format), relative to the working directory; empty = none. */
    String seedFile() default "";
}
