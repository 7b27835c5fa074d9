package dev.flireo.testkit.testcontainers;

import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * The image {@code flireo-testkit} is built locally and published to no registry, so pulling it cannot succeed:
 * Testcontainers' default policy would still retry a pull from Docker Hub for minutes. This policy fails at once
 * instead, with the command that builds the image.
 */
final class LocalImageOnly implements ImagePullPolicy {

    /** An image of ours without a registry: only a local {@code docker build} makes it. */
    static boolean isLocalBuild(DockerImageName image) {
        return image.getRegistry().isEmpty() && image.getRepository().equals("flireo-testkit");
    }

    @Override
    public boolean shouldPull(DockerImageName image) {
        // The default policy answers "pull" exactly when the engine does not have the image.
        if (PullPolicy.defaultPolicy().shouldPull(image)) {
            throw new IllegalStateException("The Docker image " + image.asCanonicalNameString()
                    + " is not in the local Docker engine, and no registry has it. Build it in a Flireo Testkit"
                    + " checkout with: ./mvnw -B -DskipTests -pl cli -am package && docker build -t "
                    + image.asCanonicalNameString() + " .");
        }
        return false;
    }
}
