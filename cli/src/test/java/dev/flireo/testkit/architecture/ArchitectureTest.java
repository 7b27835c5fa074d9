package dev.flireo.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules, run on the main classes of every published module. It lives in cli because cli's test
 * classpath holds them all (testcontainers joins as a test dependency); README "Build rules" says why.
 */
class ArchitectureTest {

    /** Relocated WireMock/Jetty inside the mock-server jar, and the generated client, are not our code to judge. */
    private static final ImportOption OUR_HAND_WRITTEN_CODE =
            location -> !location.contains("/dev/flireo/testkit/mock/shaded/")
                    && !location.contains("/dev/flireo/testkit/openapi/client/");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(OUR_HAND_WRITTEN_CODE)
            .importPackages("dev.flireo.testkit");

    @Test
    void theRulesSeeEveryPublishedModule() {
        Set<String> packages =
                MAIN_CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

        assertThat(packages)
                .contains(
                        "dev.flireo.testkit.openapi",
                        "dev.flireo.testkit.openapi.internal",
                        "dev.flireo.testkit.contracts",
                        "dev.flireo.testkit.contracts.internal",
                        "dev.flireo.testkit.simulator",
                        "dev.flireo.testkit.receiver",
                        "dev.flireo.testkit.mock",
                        "dev.flireo.testkit.mock.internal",
                        "dev.flireo.testkit.mock.internal.calls",
                        "dev.flireo.testkit.cli",
                        "dev.flireo.testkit.testcontainers");
        assertThat(packages)
                .noneMatch(p -> p.contains(".shaded.") || p.startsWith("dev.flireo.testkit.openapi.client"));
    }

    @Test
    void noInternalTypeInAPublicSignature() {
        check(ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_API);
    }

    @Test
    void noModuleReachesIntoAnothersInternals() {
        check(ArchitectureRules.NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS);
    }

    @Test
    void noMainClassPrintsToTheStandardStreams() {
        check(ArchitectureRules.NO_STANDARD_STREAMS);
    }

    private static void check(ArchRule rule) {
        assertThat(rule.evaluate(MAIN_CLASSES).getFailureReport().getDetails())
                .as("'%s' is broken by", rule.getDescription())
                .isEmpty();
    }
}
