package dev.flireo.testkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validating proxy, with a second local mock playing the real Flireo API. */
class ProxyAcceptanceTest {

    @TempDir
    Path dir;

    private FlireoMockServer real;
    private FlireoMockServer proxy;
    private final List<String> logged = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        real = FlireoMockServer.options().demoData(true).start();
        proxy = FlireoMockServer.options()
                .proxyTo(URI.create("http://127.0.0.1:" + real.port()))
                .recordTo(dir.resolve("recorded.json"))
                .onDrift(logged::add)
                .start();
    }

    @AfterEach
    void stop() {
        proxy.stop();
        real.stop();
    }

    @Test
    void trafficPassesUnchangedAndConformingTrafficLogsNoDrift() {
        Http.Reply direct = Http.send("GET", real.baseUrl() + "/assistants", "k", null);
        Http.Reply proxied = Http.send("GET", proxy.baseUrl() + "/assistants", "k", null);
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(direct.body());
        assertThat(proxied.header("X-RateLimit-Limit")).isEqualTo("100");
        Http.Reply created =
                Http.send("POST", proxy.baseUrl() + "/assistants", "k", "{\"name\":\"Through the proxy\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(real.state().list("assistants")).hasSize(2);
        assertThat(proxy.drifts()).isEmpty();
    }

    @Test
    void aGzipBodyArrivesInflated() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write("{\"name\":\"Zipped\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        RawHttp.Reply reply = RawHttp.exchange(
                proxy.port(),
                new RawHttp.Request(
                        "POST",
                        "/api/v1/assistants",
                        RawHttp.headers(
                                "Host",
                                "127.0.0.1",
                                "Authorization",
                                "Bearer k",
                                "Content-Type",
                                "application/json",
                                "Content-Encoding",
                                "gzip"),
                        zipped.toByteArray(),
                        false));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(real.state().list("assistants"))
                .extracting(a -> a.get("name").asText())
                .contains("Zipped");
    }

    @Test
    void aRequestThatBreaksTheSpecIsForwardedAndLogged() {
        Http.Reply reply =
                Http.send("POST", proxy.baseUrl() + "/sip-trunks", "k", "{\"name\":\"PBX\",\"port\":\"5060\"}");
        assertThat(reply.status()).isEqualTo(400); // the real side's own answer
        assertThat(proxy.drifts())
                .extracting(
                        d -> d.get("direction").asText() + " " + d.get("field").asText())
                .contains("request address", "request provider", "request port");
        JsonNode port = proxy.drifts().stream()
                .filter(d -> d.get("field").asText().equals("port"))
                .findFirst()
                .orElseThrow();
        assertThat(port.get("operation").asText()).isEqualTo("createSipTrunk");
        assertThat(port.get("actual").asText()).isEqualTo("\"5060\"");
        assertThat(port.get("expected").asText()).isEqualTo("integer");
        assertThat(logged).anyMatch(line -> line.startsWith("createSipTrunk request port"));
    }

    @Test
    void anAnswerThatBreaksTheSpecIsPassedOnAndLogged() {
        real.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/voices"))
                        .atPriority(1)
                        .willReturn(okJson("{\"voices\":[{\"id\":7,\"language\":\"nl\"}]}")));
        Http.Reply reply = Http.send("GET", proxy.baseUrl() + "/voices", "k", null);
        assertThat(reply.body()).isEqualTo("{\"voices\":[{\"id\":7,\"language\":\"nl\"}]}");
        assertThat(proxy.drifts())
                .extracting(d -> d.get("operation").asText() + " "
                        + d.get("direction").asText() + " " + d.get("field").asText())
                .contains("listVoices response voices[0].id", "listVoices response voices[0].name");
        assertThat(Http.send("GET", proxy.adminUrl() + "/drift", null, null).json())
                .hasSize(proxy.drifts().size());
    }

    @Test
    void savedExchangesSeedAnotherMock() {
        Http.send("GET", proxy.baseUrl() + "/assistants", "k", null);
        Http.send("GET", proxy.baseUrl() + "/calls", "k", null);
        try (FlireoMockServer replay = FlireoMockServer.options()
                .seedFile(dir.resolve("recorded.json"))
                .start()) {
            assertThat(replay.state().list("assistants"))
                    .extracting(a -> a.get("id"))
                    .containsExactlyElementsOf(real.state().list("assistants").stream()
                            .map(a -> a.get("id"))
                            .toList());
            assertThat(replay.state().list("calls")).hasSize(3);
        }
    }

    @Test
    void anUnreachableUpstreamIs502() {
        real.stop();
        Http.Reply reply = Http.send("GET", proxy.baseUrl() + "/assistants", "k", null);
        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().at("/error").asText()).isEqualTo("bad_gateway");
    }
}
