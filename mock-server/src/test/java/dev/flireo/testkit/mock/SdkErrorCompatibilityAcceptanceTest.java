package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every error status the vendor's SDK tells apart (401, 402, 404, 429) and its default branch (400, 403, 405, 409,
 * 413, 422), provoked over real HTTP, read the way {@link SdkErrorReading the SDK reads it}: v2.2.0 must build
 * {@code "code: sentence"} and keep {@code details}, v1.0.1 must get the code as its message (not
 * {@code "[object Object]"}).
 */
class SdkErrorCompatibilityAcceptanceTest {

    private static final int LIMIT = 64 * 1024;

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options().manualClock().maxBodySize(LIMIT)))
            .build();

    private static Http.Reply api(String method, String path, String key, String body) {
        return Http.send(method, flireo.baseUrl() + path, key, body);
    }

    private static Http.Reply api(String method, String path, String body) {
        return api(method, path, flireo.apiKey(), body);
    }

    /** Asserts the status and the envelope, and returns what SDK v2.2.0 would throw, as {@code Class("message")}. */
    private static String thrownByV2(Http.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(SdkErrorReading.v1Message(body)).as("v1.0.1 reads the code").isEqualTo(code);
        return SdkErrorReading.errorClass(status) + "(\"" + SdkErrorReading.v2Message(body) + "\")";
    }

    @Test
    void aMissingFieldIs400ReadAsInvalidRequestNamingTheField() {
        Http.Reply reply = api("POST", "/assistants", "{}");

        assertThat(thrownByV2(reply, 400, "invalid_request"))
                .isEqualTo("ApiRequestError(\"invalid_request: Missing required field: name\")");
        assertThat(reply.json().get("param").asText()).isEqualTo("name");
        assertThat(SdkErrorReading.v2Details(reply.json()))
                .as("one problem, no details")
                .isNull();
    }

    @Test
    void severalProblemsAre400WithEveryOneInTheDetailsTheSdkKeeps() {
        Http.Reply reply = api("POST", "/workflows", """
                {"definition":{"version":1,"entry_node":"start","nodes":[{"id":"hello","type":"conversation",
                  "instructions":"Hi"}],"edges":[{"from":"hello","to":"nowhere","description":"x"}]}}""");

        assertThat(thrownByV2(reply, 400, "invalid_request"))
                .isEqualTo("ApiRequestError(\"invalid_request: Missing required field: name, and 2 more problems\")");
        assertThat(SdkErrorReading.v2Details(reply.json()))
                .containsExactly(
                        "Missing required field: name",
                        "Invalid value for definition.entry_node: expected the id of a conversation node, got \"start\"",
                        "Invalid value for definition.edges[0].to: expected the id of a node, got \"nowhere\"");
        assertThat(reply.json().get("param").asText()).isEqualTo("name");
    }

    @Test
    void aMissingKeyIs401ReadAsAuthenticationError() {
        assertThat(thrownByV2(api("GET", "/assistants", null, null), 401, "unauthorized"))
                .isEqualTo("AuthenticationError(\"unauthorized: Invalid or missing API key\")");
    }

    @Test
    void noCreditIs402ReadAsInsufficientCreditsError() {
        String agent = api("POST", "/assistants", "{\"name\":\"Sales\"}")
                .json()
                .at("/assistant/id")
                .asText();
        assertThat(api("POST", "/numbers", "{\"phone_number\":\"+31850835037\",\"agent_id\":\"" + agent + "\"}")
                        .status())
                .isEqualTo(201);
        flireo.setMinutesBalance(0);

        assertThat(thrownByV2(
                        api(
                                "POST",
                                "/calls/outbound",
                                "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}"),
                        402,
                        "insufficient_credits"))
                .isEqualTo("InsufficientCreditsError(\"insufficient_credits: Insufficient credits"
                        + " to make outbound call. Please add credits in your billing dashboard.\")");
    }

    @Test
    void aChildOrganizationCreatingOneIs403ReadAsApiRequestError() {
        String childKey = api("POST", "/organizations", "{\"name\":\"Child\"}")
                .json()
                .get("api_key")
                .asText();

        assertThat(thrownByV2(api("POST", "/organizations", childKey, "{\"name\":\"Grandchild\"}"), 403, "forbidden"))
                .isEqualTo("ApiRequestError(\"forbidden: Only parent organizations can create organizations\")");
    }

    @Test
    void anUnknownIdIs404ReadAsNotFoundError() {
        UUID id = UUID.randomUUID();

        assertThat(thrownByV2(api("GET", "/assistants/" + id, null), 404, "not_found"))
                .isEqualTo("NotFoundError(\"not_found: Assistant " + id + " not found\")");
    }

    @Test
    void aWrongMethodIs405ReadAsApiRequestErrorNamingTheAllowedOnes() {
        Http.Reply reply = api("PUT", "/assistants", "{}");

        assertThat(thrownByV2(reply, 405, "method_not_allowed"))
                .isEqualTo("ApiRequestError(\"method_not_allowed: "
                        + "Method PUT is not allowed on /assistants; allowed: GET, POST\")");
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void aTakenNameIs409ReadAsApiRequestErrorNamingTheField() {
        String server = "{\"name\":\"CRM\",\"url\":\"https://mcp.example.com/mcp\"}";
        assertThat(api("POST", "/mcp-servers", server).status()).isEqualTo(201);

        Http.Reply reply = api("POST", "/mcp-servers", server);

        assertThat(thrownByV2(reply, 409, "name_taken"))
                .isEqualTo("ApiRequestError(\"name_taken: An MCP server named 'CRM' already exists\")");
        assertThat(reply.json().get("param").asText()).isEqualTo("name");
    }

    @Test
    void aBodyOverTheLimitIs413ReadAsApiRequestErrorNamingTheLimit() {
        String body = "{\"name\":\"Padded\"}" + " ".repeat(LIMIT);

        assertThat(thrownByV2(api("POST", "/assistants", body), 413, "request_too_large"))
                .isEqualTo("ApiRequestError(\"request_too_large: The request body is larger than the limit of " + LIMIT
                        + " bytes\")");
    }

    @Test
    void aWrongTypeIs422ReadAsApiRequestErrorNamingTheFieldAndTheType() {
        Http.Reply reply = api("POST", "/assistants", "{\"name\":\"x\",\"max_duration_seconds\":\"long\"}");

        assertThat(thrownByV2(reply, 422, "invalid_request"))
                .startsWith("ApiRequestError(\"invalid_request: Invalid value for max_duration_seconds: ")
                .contains("integer");
        assertThat(reply.json().get("param").asText()).isEqualTo("max_duration_seconds");
    }

    @Test
    void overTheRateLimitIs429ReadAsRateLimitErrorWithRetryAfter() {
        assertThat(Http.send("PUT", flireo.adminUrl() + "/rate-limits", null, "{\"enforce\":true}")
                        .status())
                .isEqualTo(200);
        try {
            String key = "fl_test_rate_" + UUID.randomUUID();
            for (int i = 0; i < 100; i++) {
                assertThat(api("GET", "/voices", key, null).status()).isEqualTo(200);
            }
            Http.Reply reply = api("GET", "/voices", key, null);

            String retryAfter = reply.header("Retry-After");
            assertThat(thrownByV2(reply, 429, "rate_limit_exceeded"))
                    .isEqualTo("RateLimitError(\"rate_limit_exceeded: Too many requests. Please retry after "
                            + retryAfter + " seconds.\")");
            assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        } finally {
            Http.send("PUT", flireo.adminUrl() + "/rate-limits", null, "{\"enforce\":false}");
        }
    }

    @Test
    void aMalformedRequestGetsTheJsonErrorPageInTheSameEnvelope() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(
                flireo.port(),
                new RawHttp.Request(
                        "GET",
                        "/api/v1/assistants/%zz",
                        RawHttp.headers(
                                "Host",
                                "127.0.0.1",
                                "Authorization",
                                "Bearer " + flireo.apiKey(),
                                "Connection",
                                "close"),
                        new byte[0],
                        false));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("content-type")).startsWith("application/json");
        JsonNode body = Http.JSON.readTree(reply.body());
        assertThat(SdkErrorReading.v2Message(body))
                .isEqualTo("invalid_request: Malformed HTTP request: invalid character"
                        + " or %-escape in the request target");
        assertThat(SdkErrorReading.v1Message(body)).isEqualTo("invalid_request");
    }

    @Test
    void theOldNestedEnvelopeIsWhatBothReleasesReadAsObjectObject() {
        JsonNode nested = Http.JSON
                .createObjectNode()
                .set(
                        "error",
                        Http.JSON.createObjectNode().put("code", "not_found").put("message", "Assistant not found"));

        // Why the envelope is flat: the nested form of the error-codes guide reaches users of either release as this.
        assertThat(SdkErrorReading.v2Message(nested)).isNull();
        assertThat(SdkErrorReading.v1Message(nested)).isEqualTo("[object Object]");
        assertThat(List.of(SdkErrorReading.errorClass(404), SdkErrorReading.errorClass(418)))
                .containsExactly("NotFoundError", "ApiRequestError");
    }
}
