package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each class of bad input gets its documented status and an error body naming the problem; never a 500. */
class ValidationAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options().demoData(true)))
            .build();

    private Http.Reply post(String path, String body) {
        return Http.send("POST", flireo.baseUrl() + path, flireo.apiKey(), body);
    }

    private static JsonNode error(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        return reply.json();
    }

    @Test
    void malformedJsonIs400WithTheParserPosition() {
        JsonNode e = error(post("/assistants", "{\"name\": \"x\",}"), 400);
        assertThat(e.get("error").asText()).isEqualTo("invalid_json");
        assertThat(e.get("message").asText()).contains("line 1");
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() {
        JsonNode e = error(post("/sip-trunks", "{\"name\":\"PBX\",\"provider\":\"Voys\"}"), 400);
        assertThat(e.get("error").asText()).isEqualTo("invalid_request");
        assertThat(e.get("param").asText()).isEqualTo("address");
        assertThat(e.get("message").asText()).isEqualTo("Missing required field: address");
        assertThat(e.has("details")).as("one problem, no details").isFalse();
    }

    @Test
    void aBodyWithSeveralFaultsListsEveryOneNamingItsField() {
        JsonNode e = error(
                post(
                        "/assistants",
                        "{\"max_duration_seconds\":\"long\",\"llm_config\":{\"provider\":\"openai\"},"
                                + "\"voicemail_detection\":\"maybe\"}"),
                400);

        assertThat(e.get("error").asText()).isEqualTo("invalid_request");
        assertThat(e.get("param").asText()).isEqualTo("name");
        assertThat(e.get("message").asText()).isEqualTo("Missing required field: name, and 3 more problems");
        assertThat(e.get("details"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "Missing required field: name",
                        "Missing required field: llm_config.model",
                        "Invalid value for max_duration_seconds: string found, [integer, null] expected",
                        "Invalid value for voicemail_detection: string found, [boolean, null] expected");
    }

    @Test
    void eachToolIsCheckedAsItsOwnKind() {
        JsonNode e = error(
                post(
                        "/assistants",
                        "{\"name\":\"A\",\"llm_config\":{\"provider\":\"openai\",\"model\":\"gpt-4o\","
                                + "\"tools\":[{\"type\":\"mcp\"},{\"type\":\"banana\"}]}}"),
                400);

        assertThat(e.get("details")).hasSize(3);
        assertThat(e.at("/details/0").asText()).isEqualTo("Missing required field: llm_config.tools[0].mcp_server_id");
        assertThat(e.at("/details/1").asText()).isEqualTo("Missing required field: llm_config.tools[0].allowed_tools");
        assertThat(e.at("/details/2").asText())
                .startsWith("Invalid value for llm_config.tools[1].type: expected one of ")
                .contains("function", "mcp");
        assertThat(e.get("param").asText()).isEqualTo("llm_config.tools[0].mcp_server_id");
    }

    @Test
    void aNestedMissingFieldIsNamedWithItsPath() {
        JsonNode e = error(post("/assistants", "{\"name\":\"x\",\"llm_config\":{\"provider\":\"openai\"}}"), 400);
        assertThat(e.get("param").asText()).isEqualTo("llm_config.model");
    }

    @Test
    void aWrongTypeIs422WhereDocumented() {
        JsonNode e = error(post("/assistants", "{\"name\":\"x\",\"max_duration_seconds\":\"long\"}"), 422);
        assertThat(e.get("param").asText()).isEqualTo("max_duration_seconds");
        assertThat(e.get("message").asText()).contains("max_duration_seconds", "integer");
    }

    @Test
    void aValueOutsideAnEnumIs422ListingTheAllowedValues() {
        JsonNode e = error(post("/byok", "{\"provider\":\"azure\",\"api_key\":\"k\"}"), 422);
        assertThat(e.get("param").asText()).isEqualTo("provider");
        assertThat(e.get("message").asText()).contains("expected one of deepgram, openai");
    }

    @Test
    void aBadValueIs400WhereTheOperationDocumentsNo422() {
        String call = flireo.state().list("calls").get(0).get("id").asText();
        JsonNode e = error(
                post("/calls/" + call + "/control", "{\"type\":\"transfer\",\"destination\":\"not a number\"}"), 400);
        assertThat(e.get("param").asText()).isEqualTo("destination");
    }

    @Test
    void aCommandOfNoKnownTypeNamesTheTypeAndItsValues() {
        String call = flireo.state().list("calls").get(0).get("id").asText();
        JsonNode e = error(post("/calls/" + call + "/control", "{\"type\":\"dance\"}"), 400);
        assertThat(e.get("param").asText()).isEqualTo("type");
        assertThat(e.get("message").asText())
                .isEqualTo("Invalid value for type: expected one of inject-context, say, end-call, transfer");
    }

    @Test
    void trailingContentAndInvalidUtf8AreNotJson() {
        assertThat(error(post("/assistants", "{\"name\":\"x\"} {}"), 400)
                        .get("error")
                        .asText())
                .isEqualTo("invalid_json");
        JsonNode e = error(
                Http.sendBytes("POST", flireo.baseUrl() + "/assistants", flireo.apiKey(), new byte[] {
                    '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'
                }),
                400);
        assertThat(e.get("error").asText()).isEqualTo("invalid_json");
        assertThat(e.get("message").asText()).contains("Invalid UTF-8");
    }

    @Test
    void aGzipBodyIsReadInflatedAndGzipWithoutItsHeaderIsNotJson() throws java.io.IOException {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write("{\"name\":\"Zipped\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        RawHttp.Reply created = RawHttp.exchange(
                flireo.port(),
                new RawHttp.Request(
                        "POST",
                        "/api/v1/assistants",
                        RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer k", "Content-Encoding", "gzip"),
                        zipped.toByteArray(),
                        false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"name\":\"Zipped\"");

        RawHttp.Reply unlabelled = RawHttp.exchange(
                flireo.port(),
                new RawHttp.Request(
                        "POST",
                        "/api/v1/assistants",
                        RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer k"),
                        zipped.toByteArray(),
                        false));
        assertThat(unlabelled.status()).isEqualTo(400);
        assertThat(unlabelled.body()).contains("invalid_json", "gzip data without Content-Encoding: gzip");
    }

    @Test
    void aBadQueryParameterIs400NamingIt() {
        JsonNode e = error(Http.send("GET", flireo.baseUrl() + "/calls?limit=5000", flireo.apiKey(), null), 400);
        assertThat(e.get("param").asText()).isEqualTo("limit");
        assertThat(error(Http.send("GET", flireo.baseUrl() + "/usage?start_date=yesterday", flireo.apiKey(), null), 400)
                        .get("param")
                        .asText())
                .isEqualTo("start_date");
    }

    @Test
    void aMalformedIdIs400AndAnUnknownOneIs404() {
        assertThat(error(Http.send("GET", flireo.baseUrl() + "/numbers/42", flireo.apiKey(), null), 400)
                        .get("param")
                        .asText())
                .isEqualTo("id");
        assertThat(error(
                                Http.send(
                                        "GET",
                                        flireo.baseUrl() + "/numbers/5c4d030f-43e3-4e65-899e-8148521e660f",
                                        flireo.apiKey(),
                                        null),
                                404)
                        .get("error")
                        .asText())
                .isEqualTo("not_found");
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405WithAllow() {
        assertThat(error(Http.send("GET", flireo.baseUrl() + "/phone-numbers", flireo.apiKey(), null), 404)
                        .get("message")
                        .asText())
                .contains("/phone-numbers");
        Http.Reply wrong = Http.send("PUT", flireo.baseUrl() + "/assistants", flireo.apiKey(), "{}");
        assertThat(error(wrong, 405).get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(wrong.header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void aliasesAreAcceptedAndStoredUnderTheCanonicalName() {
        String agent = flireo.state().list("assistants").get(0).get("id").asText();
        Http.Reply reply = post("/calls/outbound", "{\"destination\":\"+31612345678\",\"agent_id\":\"" + agent + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Http.Reply trunk = post(
                "/sip-trunks",
                "{\"name\":\"PBX\",\"provider\":\"Voys\",\"host\":\"sip.example.com\"," + "\"username\":\"u\"}");
        assertThat(trunk.json().at("/trunk/address").asText()).isEqualTo("sip.example.com");
        assertThat(trunk.json().at("/trunk/auth_username").asText()).isEqualTo("u");
    }
}
