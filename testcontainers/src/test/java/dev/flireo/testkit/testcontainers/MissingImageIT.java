package dev.flireo.testkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A locally built image that is missing fails the start at once, naming the build, instead of a pull retry. */
@ExtendWith(FlireoImageAvailable.class)
class MissingImageIT {

    @Test
    void aMissingLocalImageFailsWithinSecondsNamingTheBuildCommand() {
        Instant started = Instant.now();
        Throwable failure;
        try (FlireoMockContainer flireo = new FlireoMockContainer("flireo-testkit:no-such-build")) {
            failure = catchThrowable(flireo::start);
        }

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(failure).isNotNull();
        assertThat(messages(failure))
                .contains("flireo-testkit:no-such-build is not in the local Docker engine")
                .contains("docker build -t flireo-testkit:no-such-build .");
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
