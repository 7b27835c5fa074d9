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

    /** {@code options}, set so that the server's requests take the way under test. */
    static MockOptions on(MockOptions options) {
        return underTest() == WIREMOCK ? options.requestJournal(1_000) : options;
    }
}
