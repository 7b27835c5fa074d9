package dev.flireo.testkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static final RouteTable SPEC = RouteTable.flireo();
    private final Router router = new Router(SPEC.routes());

    @Test
    void literalSegmentsWinOverParameters() {
        assertThat(router.match("POST", "/calls/outbound").route().operationId())
                .isEqualTo("createOutboundCall");
        assertThat(router.match("GET", "/calls/call-outbound-abc").route().operationId())
                .isEqualTo("getCall");
        assertThat(router.match("GET", "/domains/sync").route().operationId()).isEqualTo("listResendDomains");
    }

    @Test
    void pathParametersKeepAPlusSign() {
        Router.Match match = router.match("POST", "/calls/call-_+31612345678_abc123/control");
        assertThat(match.pathParams()).containsEntry("id", "call-_+31612345678_abc123");
        assertThat(router.match("GET", "/calls/call-_%2B316_x").pathParams()).containsEntry("id", "call-_+316_x");
    }

    @Test
    void unknownPathsAre404AndKnownPathsWithAnotherMethod405() {
        assertThat(catchThrowableOfType(ApiError.class, () -> router.match("GET", "/nope"))
                        .status())
                .isEqualTo(404);
        ApiError wrong = catchThrowableOfType(ApiError.class, () -> router.match("PUT", "/assistants/x"));
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.headers()).containsEntry("Allow", "DELETE, GET, PATCH");
    }

    @Test
    void routesCarryTheSpecsFacts() {
        Route health = router.match("GET", "/health").route();
        assertThat(health.authenticated()).isFalse();
        Route create = router.match("POST", "/assistants").route();
        assertThat(create.successStatus()).isEqualTo(201);
        assertThat(create.documents(422)).isTrue();
        assertThat(create.requestSchema()).endsWith("/requestBody/content/application~1json/schema");
        assertThat(router.match("GET", "/calls").route().params())
                .extracting(Route.Param::name)
                .containsExactly("limit", "offset", "status", "start_date", "end_date");
    }
}
