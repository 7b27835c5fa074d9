package dev.flireo.testkit.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a container test only where a Docker engine answers and the image exists. On a developer machine without
 * them the test is skipped with the reason; under {@code CI=true} it fails instead, so CI cannot pass without
 * having run the container tests.
 */
final class FlireoImageAvailable implements ExecutionCondition {

    static final String IMAGE = FlireoMockContainer.DEFAULT_IMAGE_NAME.asCanonicalNameString();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Docker answers and " + IMAGE + " exists");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + "; with CI=true the container tests must run, not skip");
        }
        return ConditionEvaluationResult.disabled(missing + "; container tests skipped (CI=true fails instead)");
    }

    private static String missing() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return "no Docker engine answers (start dockerd, then run docker/build-local.sh)";
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            return null;
        } catch (NotFoundException e) {
            return "image " + IMAGE + " is missing (build it with docker/build-local.sh)";
        }
    }
}
