package dev.flireo.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.contracts.internal.SpecTrees;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestBodyIsCheckedByOperationId() throws Exception {
        JsonNode body = JSON.readTree(
                "{\"destination\":\"0612345678\",\"assistant_id\":\"17a0cb75-fa09-4bdd-9a44-92a70d829c88\","
                        + "\"campaign\":\"spring\"}");

        ValidationReport report = ApiContracts.flireo().validateRequest("createOutboundCall", body);

        assertThat(report.contract())
                .isEqualTo("createOutboundCall request: flireo-api.yaml#/components/schemas/OutboundCallRequest");
        assertThat(report.errors())
                .extracting(Violation::pointer, Violation::message)
                .containsExactly(tuple(
                        "/destination",
                        "Invalid value for destination: does not match the regex pattern ^\\+[1-9][0-9]{6,14}$"));
        assertThat(report.warnings()).extracting(Violation::pointer).containsExactly("/campaign");
    }

    @Test
    void anAliasSpellingOfARequiredFieldIsAcceptedAsThePlatformAcceptsIt() throws Exception {
        JsonNode trunk = JSON.readTree("{\"name\":\"PBX\",\"provider\":\"custom\",\"host\":\"sip.example.com\"}");

        ValidationReport report = ApiContracts.flireo().validateRequest("createSipTrunk", trunk);

        assertThat(report.valid()).as(report.summary()).isTrue();
        assertThat(report.warnings())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/host", "x-aliases"));
        assertThat(trunk.has("host")).as("the caller's body is left as it was").isTrue();
        assertThat(ApiContracts.flireo()
                        .normalizeRequest("createSipTrunk", trunk)
                        .get("address")
                        .asText())
                .isEqualTo("sip.example.com");
    }

    @Test
    void requestErrorsAreWordedAsTheApiAnswersThemMostRelevantFirst() throws Exception {
        JsonNode body = JSON.readTree("{\"max_duration_seconds\":\"long\",\"llm_config\":{\"provider\":\"openai\"},"
                + "\"voicemail_detection\":\"maybe\"}");

        List<Violation> errors = ApiContracts.flireo().requestErrors("createAssistant", body);

        assertThat(errors)
                .extracting(Violation::message)
                .containsExactly(
                        "Missing required field: name",
                        "Missing required field: llm_config.model",
                        "Invalid value for max_duration_seconds: string found, [integer, null] expected",
                        "Invalid value for voicemail_detection: string found, [boolean, null] expected");
        assertThat(errors)
                .extracting(Violation::field, Violation::rule)
                .startsWith(
                        tuple("name", "required"),
                        tuple("llm_config.model", "required"),
                        tuple("max_duration_seconds", "type"));
        assertThat(errors.get(2).pointer()).isEqualTo("/max_duration_seconds");
    }

    @Test
    void aWorkflowsGraphIsARuleOfItsRequestContract() throws Exception {
        JsonNode body = JSON.readTree("""
                {"name":"Broken","definition":{"version":1,"entry_node":"bye","nodes":[
                  {"id":"reception","type":"conversation","instructions":"Hi"},{"id":"bye","type":"end"}],
                 "edges":[{"from":"reception","to":"bye","description":"x"}]}}""");

        List<Violation> errors = ApiContracts.flireo().requestErrors("createWorkflow", body);

        assertThat(errors)
                .extracting(Violation::rule, Violation::field, Violation::message)
                .containsExactly(
                        tuple(
                                ApiContracts.BODY_RULE,
                                "definition.entry_node",
                                "Invalid value for definition.entry_node: expected the id of a conversation node, got \"bye\""));
    }

    @Test
    void aParameterValueIsNamedByTheParameter() {
        JsonNode teleporting = JSON.getNodeFactory().textNode("teleporting");

        assertThat(ApiContracts.flireo().parameterError("listCalls", "status", teleporting))
                .hasValueSatisfying(v -> assertThat(v.message())
                        .startsWith("Invalid value for status: expected one of ")
                        .contains("ringing"));
        assertThat(ApiContracts.flireo()
                        .parameterError(
                                "listCalls", "status", JSON.getNodeFactory().textNode("ended")))
                .isEmpty();
    }

    @Test
    void aResponseBodyIsCheckedByOperationIdAndStatus() throws Exception {
        JsonNode credits = JSON.readTree("{\"error\":\"insufficient_credits\",\"message\":\"Insufficient credits\"}");
        JsonNode dialing =
                JSON.readTree("{\"success\":true,\"call_id\":\"call-outbound-abc123\",\"status\":\"dialing\"}");

        assertThat(ApiContracts.flireo()
                        .validateResponse("createOutboundCall", 402, credits)
                        .valid())
                .isTrue();
        assertThat(ApiContracts.flireo()
                        .validateResponse("createOutboundCall", 200, dialing)
                        .valid())
                .isTrue();
        assertThat(ApiContracts.flireo()
                        .validateResponse("createOutboundCall", 200, credits)
                        .valid())
                .isFalse();
    }

    @Test
    void anErrorAnswerIsTheOneFlatEnvelopeTheSdkReads() throws Exception {
        JsonNode several = JSON.readTree("{\"error\":\"invalid_request\",\"message\":\"Missing required field: name,"
                + " and 1 more problem\",\"details\":[\"Missing required field: name\",\"Missing required field:"
                + " definition\"],\"param\":\"name\"}");
        JsonNode nested = JSON.readTree("{\"error\":{\"code\":\"not_found\",\"message\":\"Assistant not found\"}}");

        assertThat(ApiContracts.flireo()
                        .validateResponse("createWorkflow", 400, several)
                        .valid())
                .isTrue();
        assertThat(ApiContracts.flireo()
                        .validateResponse("getAssistant", 404, nested)
                        .errors())
                .extracting(Violation::pointer)
                .contains("/error");
    }

    @Test
    void anUndocumentedStatusIsAnErrorListingTheDocumentedOnes() {
        ValidationReport report = ApiContracts.flireo().validateResponse("controlCall", 418, JSON.createObjectNode());

        assertThat(report.errors())
                .extracting(Violation::message)
                .containsExactly(
                        "status 418 is not documented for controlCall; documented: [200, 400, 401, 403, 404, 413, 429, 5XX]");
    }

    @Test
    void aServerErrorStatusMatchesItsRange() throws Exception {
        JsonNode error = JSON.readTree("{\"error\":\"server_error\",\"message\":\"Boom\"}");

        assertThat(ApiContracts.flireo()
                        .validateResponse("listCalls", 503, error)
                        .valid())
                .isTrue();
    }

    @Test
    void requestLinesMapToOperationIdsLiteralSegmentsFirst() {
        assertThat(ApiContracts.flireo().operationFor("POST", "/api/v1/calls/outbound"))
                .contains("createOutboundCall");
        assertThat(ApiContracts.flireo().operationFor("GET", "/api/v1/calls/call-_+31612345678_abc123"))
                .contains("getCall");
        assertThat(ApiContracts.flireo().operationFor("get", "/api/v1/calls?limit=5"))
                .contains("listCalls");
        assertThat(ApiContracts.legacy().operationFor("GET", "/v1/assistants")).contains("listAssistants");
        assertThat(ApiContracts.flireo().operationFor("GET", "/v1/assistants")).isEmpty();
        assertThat(ApiContracts.flireo().operationFor("POST", "/webhook")).isEmpty();
    }

    @Test
    void anUnknownOperationIdIsAProgrammingError() {
        assertThatThrownBy(() -> ApiContracts.flireo().validateRequest("makeCall", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown operationId 'makeCall' in flireo-api.yaml; known: [listAssistants");
    }

    @Test
    void aBodyWhereNoneIsDocumentedIsOnlyAWarning() {
        ValidationReport report = ApiContracts.flireo().validateRequest("listCalls", JSON.createObjectNode());

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings())
                .extracting(Violation::message)
                .containsExactly("listCalls takes no request body; the body is not checked");
    }

    record Example(ApiContracts api, String operationId, Integer status, String name, JsonNode value) {
        @Override
        public String toString() {
            return operationId + (status == null ? " request " : " " + status + " ") + name;
        }
    }

    /** Every REST example of both specs: request bodies and JSON responses. */
    static Stream<Example> restExamples() {
        List<Example> examples = new ArrayList<>();
        collect(SpecDocument.FLIREO_API, ApiContracts.flireo(), examples);
        collect(SpecDocument.LEGACY_NL, ApiContracts.legacy(), examples);
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restExamples")
    void everyRestExampleOfTheSpecsIsValid(Example example) {
        ValidationReport report = example.status() == null
                ? example.api().validateRequest(example.operationId(), example.value())
                : example.api().validateResponse(example.operationId(), example.status(), example.value());

        assertThat(report.errors()).as(report.summary()).isEmpty();
    }

    private static void collect(SpecDocument doc, ApiContracts api, List<Example> into) {
        SpecTrees.tree(doc)
                .path("paths")
                .forEach(item -> item.properties().forEach(method -> {
                    JsonNode op = method.getValue();
                    if (!op.has("operationId")) {
                        return;
                    }
                    String id = op.get("operationId").asText();
                    op.path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("examples")
                            .properties()
                            .forEach(e -> into.add(new Example(
                                    api, id, null, e.getKey(), e.getValue().get("value"))));
                    op.path("responses").properties().forEach(response -> {
                        if (response.getKey().chars().allMatch(Character::isDigit)) {
                            response.getValue()
                                    .path("content")
                                    .path("application/json")
                                    .path("examples")
                                    .properties()
                                    .forEach(e -> into.add(new Example(
                                            api,
                                            id,
                                            Integer.parseInt(response.getKey()),
                                            e.getKey(),
                                            e.getValue().get("value"))));
                        }
                    });
                }));
    }
}
