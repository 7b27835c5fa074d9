package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core acceptance tests' set-up really sends their requests the way under test (see {@link RequestPath}). */
class RequestPathTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options()))
            .build();

    @Test
    void requestsTakeTheWayUnderTest() {
        assertThat(Http.send("GET", flireo.baseUrl() + "/assistants", flireo.apiKey(), null)
                        .status())
                .isEqualTo(200);

        Http.Reply journal = Http.send("GET", "http://127.0.0.1:" + flireo.port() + "/__admin/requests", null, null);
        if (RequestPath.underTest() == RequestPath.WIREMOCK) {
            // WireMock served it: its journal holds the request.
            assertThat(journal.json().at("/requests/0/request/url").asText()).endsWith("/assistants");
        } else {
            // Without a journal or a user's stub, DirectDispatch answers the mock's paths itself.
            assertThat(journal.body()).contains("request journal is disabled");
        }
    }
}
