package dev.flireo.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.flireo.testkit.archfixture.internal.Foreign;
import dev.flireo.testkit.architecture.fixture.internal.Hidden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a class made to break it, so a green {@link ArchitectureTest} means something. (Public, as the
 * fixtures' enclosing class must be for them to count as API.)
 */
public class ArchitectureRulesTest {

    @Test
    void anInternalTypeInAPublicSignatureIsReported() {
        assertThat(violations(ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_API, Leaky.class, Hidden.class))
                .anyMatch(v -> v.contains("Leaky.hidden()") && v.contains("internal type " + Hidden.class.getName()))
                .anyMatch(v -> v.contains("Leaky.field") && v.contains(Hidden.class.getName()))
                .anyMatch(v -> v.contains("Leaky.take(java.util.List)") && v.contains(Hidden.class.getName()))
                .noneMatch(v -> v.contains("Leaky.quiet"));
    }

    @Test
    void anInternalTypeBehindThePublicSurfaceIsFine() {
        assertThat(violations(ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_API, Sealed.class, Hidden.class))
                .isEmpty();
    }

    @Test
    void reachingIntoAnotherModulesInternalsIsReported() {
        // The fixture's internal package is module dev.flireo.testkit.architecture's own, so that is allowed,
        // dev.flireo.testkit.archfixture.internal is another module's...
        assertThat(violations(ArchitectureRules.NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS, Leaky.class))
                .isEmpty();
        assertThat(violations(ArchitectureRules.NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS, Reacher.class))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Reacher.reach()", Foreign.class.getName());
        // ...and the module of a class is the package right below dev.flireo.testkit.
        assertThat(ArchitectureRules.module("dev.flireo.testkit.cli")).isEqualTo("dev.flireo.testkit.cli");
        assertThat(ArchitectureRules.module("dev.flireo.testkit.mock.internal.calls"))
                .isEqualTo("dev.flireo.testkit.mock");
        assertThat(ArchitectureRules.isInternal("dev.flireo.testkit.mock.internal.calls"))
                .isTrue();
        assertThat(ArchitectureRules.isInternal("dev.flireo.testkit.internals")).isFalse();
        assertThat(ArchitectureRules.isInternal("org.eclipse.jetty.server.internal"))
                .isFalse();
        assertThat(ArchitectureRules.isInternal("dev.flireo.testkit.mock.shaded.jetty.server.internal"))
                .isFalse();
    }

    @Test
    void printingToTheStandardStreamsIsReported() {
        assertThat(violations(ArchitectureRules.NO_STANDARD_STREAMS, Printer.class))
                .anyMatch(v -> v.contains("Printer.print()") && v.contains("System.out"))
                .anyMatch(v -> v.contains("Printer.print()") && v.contains("printStackTrace"));
    }

    private static List<String> violations(ArchRule rule, Class<?>... types) {
        JavaClasses classes = new ClassFileImporter().importClasses(types);
        return rule.evaluate(classes).getFailureReport().getDetails();
    }

    public static class Leaky {
        public Hidden field;

        public Hidden hidden() {
            return field;
        }

        public void take(List<Hidden> all) {
            field = all.get(0);
        }

        void quiet(Hidden hidden) {
            field = hidden;
        }
    }

    public static class Sealed {
        private Hidden hidden = new Hidden();

        public String name() {
            return hidden.toString();
        }
    }

    static class Reacher {
        Object reach() {
            return new Foreign();
        }
    }

    static class Printer {
        void print() {
            System.out.println("hello");
            new IllegalStateException().printStackTrace();
        }
    }
}
