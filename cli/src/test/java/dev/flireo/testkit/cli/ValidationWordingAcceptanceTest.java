package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.FlireoMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One validation stack: the mock (its answer over HTTP), its proxy (the drift it logs for a request) and
 * {@code flireo validate} (on a HAR recording of the same request) judge a bad body alike and word each problem
 * the same way, as the API answers it. The proxy forwards to a second mock playing the real platform.
 */
class ValidationWordingAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static FlireoMockServer mock;
    private static FlireoMockServer proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        mock = FlireoMockServer.options().start();
        proxy = FlireoMockServer.options()
                .proxyTo(URI.create("http://127.0.0.1:" + mock.port()))
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.stop();
        mock.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing required field | /assistants   | {"voice":"alloy"}                                        | 400 | Missing required field: name
            wrong type             | /assistants   | {"name":5}                                               | 422 | Invalid value for name: integer found, string expected
            bad enum               | /mcp-servers  | {"name":"m","url":"https://mcp.example.com","transport":"ws"} | 422 | Invalid value for transport: expected one of streamable_http, sse
            nested function tool   | /assistants   | {"name":"A","llm_config":{"provider":"openai","model":"gpt-4o","tools":[{"type":"function","function":{"description":"Books"},"server":{"url":"https://hooks.example.com"}}]}} | 400 | Missing required field: llm_config.tools[0].function.name
            several problems       | /assistants   | {"max_duration_seconds":"long","llm_config":{"provider":"openai"}} | 400 | Missing required field: name
            """)
    void aBadBodyIsWordedAlikeByTheMockTheProxyAndValidate(
            String what, String path, String body, int status, String first) throws Exception {
        HttpResponse<String> answer = post(mock, path, body);
        List<String> mockSays = sentences(JSON.readTree(answer.body()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(mockSays).first().isEqualTo(first);
        assertThat(proxyDrift(path, body)).as("the proxy's drift").containsExactlyInAnyOrderElementsOf(mockSays);
        assertThat(validateSays(path, body)).as("flireo validate").containsExactlyElementsOf(mockSays);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alias of a required field | /sip-trunks | {"name":"PBX","provider":"custom","host":"sip.example.com"} | 201
            unknown field             | /assistants | {"name":"A","favourite_colour":"blue"}                      | 201
            """)
    void aBodyThePlatformAcceptsIsAcceptedByAllThree(String what, String path, String body, int status)
            throws Exception {
        HttpResponse<String> answer = post(mock, path, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(proxyDrift(path, body)).as("the proxy's drift").isEmpty();
        assertThat(validateSays(path, body)).as("flireo validate").isEmpty();
    }

    /** The sentences of an error answer: its {@code details}, or its one {@code message}. */
    private static List<String> sentences(JsonNode error) {
        List<String> out = new ArrayList<>();
        if (error.has("details")) {
            error.get("details").forEach(d -> out.add(d.asText()));
        } else {
            out.add(error.path("message").asText());
        }
        return out;
    }

    /** The messages of the request errors the proxy logs for this request (warnings left out). */
    private static List<String> proxyDrift(String path, String body) throws Exception {
        int before = proxy.drifts().size();
        post(proxy, path, body);
        return proxy.drifts().subList(before, proxy.drifts().size()).stream()
                .filter(d -> d.path("direction").asText().equals("request"))
                .map(d -> d.path("message").asText())
                .filter(message -> !message.startsWith("warning: "))
                .toList();
    }

    /** The error messages {@code flireo validate} prints for a HAR recording of the request. */
    private List<String> validateSays(String path, String body) throws IOException {
        ObjectNode request =
                JSON.createObjectNode().put("method", "POST").put("url", "http://127.0.0.1:8080/api/v1" + path);
        request.putArray("headers");
        request.putObject("postData").put("mimeType", "application/json").put("text", body);
        ObjectNode har = JSON.createObjectNode();
        ArrayNode entries = har.putObject("log").put("version", "1.2").putArray("entries");
        entries.addObject().set("request", request);
        Path file = Files.writeString(dir.resolve("traffic.har"), har.toString());

        CliRun cli = new CliRun();
        cli.run("validate", file.toString());
        assertThat(cli.out()).contains(" request ");
        return cli.out()
                .lines()
                .map(String::strip)
                .filter(line -> line.startsWith("error "))
                .map(line -> line.substring(line.indexOf(": ") + 2))
                .toList();
    }

    private static HttpResponse<String> post(FlireoMockServer server, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + server.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
