package dev.flireo.testkit.mock;

/**
 * The two ways a request takes through the mock: answered by {@code DirectDispatch} in front of WireMock, or the long
 * way through WireMock's stub and the dispatch transformer, which it takes while the request journal is on (or a
 * user's stub is present). The core acceptance tests run once per way: the build's second surefire execution sets
 * {@value #PROPERTY} to {@code wiremock} (mock-server/pom.xml, {@code through-wiremock}).
 */
enum RequestPath {
    DIRECT,
    WIREMOCK;

    static final String PROPERTY = "flireo.test.request-path";

    static RequestPath underTest() {
        return "wiremock".equals(System.getProperty(PROPERTY)) ? WIREMOCK : DIRECT;
    }

    /** {@code builder}, set up so that its requests take the way under test. */
    static FlireoMockExtension.Builder on(FlireoMockExtension.Builder builder) {
        return underTest() == WIREMOCK ? builder.configure(options -> options.requestJournal(1_000)) : builder;
    }
}
