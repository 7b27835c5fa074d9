package dev.flireo.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules, run on the main classes of every published module. It lives in cli because cli's test
 * classpath holds them all (testcontainers joins as a test dependency); README "Build rules" says why.
 */
class ArchitectureTest {

    /** Relocated WireMock/Jetty inside the mock-server jar, and the generated client, are not our code to judge. */
    private static final ImportOption OUR_HAND_WRITTEN_CODE = location ->
            !location.contains("/dev/flireo/testkit/mock/shaded/")
                    && !location.contains("/dev/flireo/testkit/openapi/client/");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(OUR_HAND_WRITTEN_CODE)
            .importPackages("dev.flireo.testkit");

    @Test
    void theRulesSeeEveryPublishedModule() {
        Set<String> packages = MAIN_CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

        assertThat(packages).contains(
                "dev.flireo.testkit.openapi", "dev.flireo.testkit.openapi.internal",
                "dev.flireo.testkit.contracts", "dev.flireo.testkit.contracts.internal",
                "dev.flireo.testkit.simulator",
                "dev.flireo.testkit.mock", "dev.flireo.testkit.mock.internal",
                "dev.flireo.testkit.cli",
                "dev.flireo.testkit.testcontainers");
        assertThat(packages).noneMatch(p -> p.contains(".shaded.") || p.startsWith("dev.flireo.testkit.openapi.client"));
    }

    @Test
    void noInternalTypeInAPublicSignature() {
        checkAllowing(ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_API, Set.of());
    }

    @Test
    void noModuleReachesIntoAnothersInternals() {
        checkAllowing(ArchitectureRules.NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS, Set.of());
    }

    @Test
    void noMainClassPrintsToTheStandardStreams() {
        checkAllowing(ArchitectureRules.NO_STANDARD_STREAMS, Set.of());
    }

    /**
     * Fails on every violation outside the listed classes, and on a listed class that no longer breaks the rule, so
     * the list only shrinks.
     */
    private static void checkAllowing(ArchRule rule, Set<String> knownViolators) {
        List<String> details = rule.evaluate(MAIN_CLASSES).getFailureReport().getDetails();

        assertThat(details)
                .as("'%s' is broken by", rule.getDescription())
                .filteredOn(detail -> knownViolators.stream().noneMatch(known -> names(detail, known)))
                .isEmpty();
        for (String known : knownViolators) {
            assertThat(details)
                    .as("%s no longer breaks '%s': take it off KnownViolations", known, rule.getDescription())
                    .anyMatch(detail -> names(detail, known));
        }
    }

    private static boolean names(String detail, String className) {
        return Pattern.compile("<" + Pattern.quote(className) + "[.$>(]").matcher(detail).find();
    }
}
