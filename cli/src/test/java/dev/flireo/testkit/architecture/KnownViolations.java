package dev.flireo.testkit.architecture;

import java.util.Set;

/**
 * Violations in mock-server's main code, which issue #12 restructures on other branches at the same time as these
 * rules arrive. The lists name what the rules found there; the tests fail as soon as an entry stops breaking its
 * rule, so once the restructured code is merged each list is emptied and this class deleted.
 */
final class KnownViolations {

    /** Source files (from the repository root) whose catch blocks swallow: see CatchBlocks for the fix. */
    static final Set<String> SWALLOWED_EXCEPTIONS = Set.of(
            // catch (RuntimeException e) {} in the timer tick: a broad type, so it must at least be logged
            "mock-server/src/main/java/dev/flireo/testkit/mock/FlireoMockServer.java ",
            // catch (IOException | RuntimeException e) {} after refusing a request: broad, log it
            "mock-server/src/main/java/dev/flireo/testkit/mock/internal/RequestGuard.java ",
            // catch (RuntimeException e) {} in the sweep: broad, log it
            "mock-server/src/main/java/dev/flireo/testkit/mock/internal/SlowClients.java ",
            // NoSuchFileException and IOException dropped on purpose with a reason: name them `ignored`
            "mock-server/src/main/java/dev/flireo/testkit/mock/internal/StateFile.java ");

    private KnownViolations() {}
}
