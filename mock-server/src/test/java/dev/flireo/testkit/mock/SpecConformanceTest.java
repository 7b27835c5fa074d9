package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.ApiContracts;
import dev.flireo.testkit.mock.internal.Route;
import dev.flireo.testkit.mock.internal.RouteTable;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of flireo-api.yaml, called once with a valid request, answers 2xx with a body the contracts
 * module finds conforming: the validating proxy sits in front of the mock and must report no drift at all.
 */
class SpecConformanceTest {

    private FlireoMockServer mock;
    private FlireoMockServer proxy;
    private final Map<String, String> ids = new HashMap<>();
    private final Set<String> called = new TreeSet<>();

    @BeforeEach
    void start() {
        mock = FlireoMockServer.options()
                .demoData(true)
                .manualClock(java.time.Instant.parse("2025-12-15T09:30:00Z"))
                .start();
        proxy = FlireoMockServer.options()
                .proxyTo(URI.create("http://127.0.0.1:" + mock.port()))
                .start();
    }

    @AfterEach
    void stop() {
        proxy.stop();
        mock.stop();
    }

    /** Sends through the proxy; {@code {name}} in path or body is replaced by a captured id; {@code save} captures. */
    private Http.Reply call(String method, String path, String body, String save, String pointer) {
        String p = fill(path);
        Http.Reply reply = Http.send(method, proxy.baseUrl() + p, "fl_test", body == null ? null : fill(body));
        assertThat(reply.status()).as(method + " " + p + " -> " + reply.body()).isBetween(200, 299);
        called.add(ApiContracts.flireo().operationFor(method, "/api/v1" + p).orElseThrow());
        if (save != null) {
            ids.put(save, reply.json().at(pointer).asText());
        }
        return reply;
    }

    private String fill(String text) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ids.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void everyOperationAnswersConformingBodies() {
        call("GET", "/health", null, null, null);
        call("GET", "/account", null, null, null);
        call("GET", "/organizations?include_children=true", null, null, null);
        call("POST", "/organizations", "{\"name\":\"Child BV\"}", null, null);
        call("PATCH", "/organizations", "{\"content_retention_days\":90,\"metadata_retention_days\":365}", null, null);
        call("GET", "/voices", null, null, null);
        call("GET", "/usage?limit=2", null, null, null);

        call("POST", "/assistants", "{\"name\":\"Sales\",\"first_message\":\"Hallo\"}", "agent", "/assistant/id");
        call("GET", "/assistants", null, null, null);
        call("GET", "/assistants/{agent}", null, null, null);
        call("PATCH", "/assistants/{agent}", "{\"max_duration_seconds\":120}", null, null);
        call("POST", "/agents", "{\"name\":\"Old style\"}", "old", "/assistant/id");
        call("GET", "/agents", null, null, null);
        call("GET", "/agents/{old}", null, null, null);
        call("PATCH", "/agents/{old}", "{\"name\":\"Renamed\"}", null, null);
        call("DELETE", "/agents/{old}", null, null, null);

        call(
                "POST",
                "/sip-trunks",
                "{\"name\":\"PBX\",\"provider\":\"Voys\",\"address\":\"sip.example.com\",\"auth_password\":\"s\"}",
                "trunk",
                "/trunk/id");
        call("GET", "/sip-trunks", null, null, null);
        call("GET", "/sip-trunks/{trunk}", null, null, null);
        call(
                "POST",
                "/numbers",
                "{\"phone_number\":\"+31201234567\",\"agent_id\":\"{agent}\"}",
                "number",
                "/number/id");
        call("GET", "/numbers", null, null, null);
        call("GET", "/numbers/{number}", null, null, null);
        call("PATCH", "/numbers/{number}", "{\"transfer_trunk_id\":\"{trunk}\"}", null, null);

        call(
                "POST",
                "/calls/outbound",
                "{\"destination\":\"+31612345678\",\"assistant_id\":\"{agent}\"}",
                "call",
                "/call_id");
        mock.clock().advance(java.time.Duration.ofSeconds(5));
        call(
                "POST",
                "/calls/{call}/control",
                "{\"type\":\"say\",\"content\":\"Een moment\",\"end_after\":false}",
                null,
                null);
        call("GET", "/calls?status=in-progress", null, null, null);
        call("GET", "/calls/{call}", null, null, null);
        mock.clock().advance(java.time.Duration.ofSeconds(60));
        call("GET", "/calls/{call}", null, null, null);

        call(
                "POST",
                "/tool-templates",
                "{\"name\":\"End\",\"tool_type\":\"end_call\",\"tool_config\":{}}",
                "tool",
                "/tool_template/id");
        call("GET", "/tool-templates", null, null, null);
        call("GET", "/tool-templates/{tool}", null, null, null);
        call("PATCH", "/tool-templates/{tool}", "{\"description\":\"Hang up\"}", null, null);
        call("DELETE", "/tool-templates/{tool}", null, null, null);
        call(
                "POST",
                "/analysis-templates",
                "{\"name\":\"CSAT\",\"system_prompt\":\"Rate the call.\",\"user_prompt\":\"{transcript}\","
                        + "\"schema\":{\"type\":\"object\"}}",
                "analysis",
                "/analysis_template/id");
        call("GET", "/analysis-templates", null, null, null);
        call("GET", "/analysis-templates/{analysis}", null, null, null);
        call("PATCH", "/analysis-templates/{analysis}", "{\"description\":\"Satisfaction\"}", null, null);
        call("DELETE", "/analysis-templates/{analysis}", null, null, null);

        call("GET", "/byok", null, null, null);
        call("GET", "/byok/config", null, null, null);
        call("POST", "/byok", "{\"provider\":\"resend\",\"api_key\":\"re_1\"}", null, null);
        call("POST", "/byok/config", "{\"provider\":\"resend\",\"config\":{\"region\":\"eu-west-1\"}}", null, null);
        call("GET", "/domains", null, null, null);
        call("GET", "/domains/sync", null, "resend", "/domains/0/id");
        call("POST", "/domains/sync", "{\"resendDomainId\":\"{resend}\"}", null, null);
        call("POST", "/domains/verify", null, null, null);
        call("POST", "/domains/refresh", null, null, null);
        call("DELETE", "/domains", null, null, null);
        call("POST", "/domains", "{\"domain_name\":\"notifications.example.com\"}", null, null);
        call("DELETE", "/byok", "{\"provider\":\"openai\"}", null, null);

        call(
                "POST",
                "/campaigns",
                "{\"name\":\"Q1\",\"agent_id\":\"{agent}\",\"schedule_start_time\":\"09:00:00\","
                        + "\"schedule_end_time\":\"17:00:00\",\"timezone\":\"Europe/Amsterdam\"}",
                "campaign",
                "/campaign/id");
        call("GET", "/campaigns", null, null, null);
        call("GET", "/campaigns/{campaign}", null, null, null);
        call(
                "POST",
                "/campaigns/{campaign}/leads",
                "{\"phone_number\":\"+31611111111\",\"variables\":{\"name\":\"Jan\"}}",
                "lead",
                "/lead/id");
        call("GET", "/campaigns/{campaign}/leads?limit=10", null, null, null);
        call("DELETE", "/campaigns/{campaign}/leads/{lead}", null, null, null);
        call("PATCH", "/campaigns/{campaign}", "{\"status\":\"scheduled\"}", null, null);
        call("DELETE", "/campaigns/{campaign}", null, null, null);

        call(
                "POST",
                "/mcp-servers",
                "{\"name\":\"CRM\",\"url\":\"https://mcp.example.com/mcp\",\"headers\":{\"X-Key\":\"k\"}}",
                "mcp",
                "/mcp_server/id");
        call("GET", "/mcp-servers", null, null, null);
        call("GET", "/mcp-servers/{mcp}", null, null, null);
        call("PATCH", "/mcp-servers/{mcp}", "{\"timeout_seconds\":30}", null, null);
        call("POST", "/mcp-servers/{mcp}/test", "{}", null, null);
        call("DELETE", "/mcp-servers/{mcp}", null, null, null);
        call(
                "POST",
                "/workflows",
                "{\"name\":\"Reception\",\"definition\":{\"version\":1,\"entry_node\":\"hi\",\"nodes\":"
                        + "[{\"id\":\"hi\",\"type\":\"conversation\",\"instructions\":\"Greet\"}]}}",
                "workflow",
                "/workflow/id");
        call("GET", "/workflows", null, null, null);
        call("GET", "/workflows/{workflow}", null, null, null);
        call("PATCH", "/workflows/{workflow}", "{\"is_active\":false}", null, null);
        call("DELETE", "/workflows/{workflow}", null, null, null);

        call("POST", "/chats", "{\"assistant_id\":\"{agent}\",\"message\":\"Hallo\"}", "chat", "/chat/id");
        call("GET", "/chats", null, null, null);
        call("GET", "/chats/context?assistant_id={agent}&chat_id={chat}", null, null, null);
        call("DELETE", "/chats/{chat}", null, null, null);

        call("DELETE", "/numbers/{number}", null, null, null);
        call("DELETE", "/sip-trunks/{trunk}", null, null, null);
        call("DELETE", "/assistants/{agent}", null, null, null);

        assertThat(proxy.drifts()).isEmpty();
        Set<String> all = new TreeSet<>();
        RouteTable.flireo().routes().stream().map(Route::operationId).forEach(all::add);
        assertThat(called).isEqualTo(all);
    }

    /** The documented error answers conform too (the object form, and the string form for 401/403). */
    @Test
    void errorAnswersConform() {
        String agent = mock.state().list("assistants").get(0).get("id").asText();
        String[][] requests = {
            {"POST", "/assistants", "{\"nam\":\"x\"}", "400"},
            {"POST", "/assistants", "{\"name\":5}", "422"},
            {"GET", "/assistants/5c4d030f-43e3-4e65-899e-8148521e660f", null, "404"},
            {"POST", "/numbers", "{\"phone_number\":\"+31850835037\"}", "409"},
            {"GET", "/calls?limit=0", null, "400"},
        };
        for (String[] r : requests) {
            Http.Reply reply = Http.send(r[0], proxy.baseUrl() + r[1], "fl_test", r[2]);
            assertThat(reply.status()).as(r[1] + " " + reply.body()).isEqualTo(Integer.parseInt(r[3]));
        }
        assertThat(Http.send("GET", proxy.baseUrl() + "/assistants", null, null).status())
                .isEqualTo(401);
        mock.setMinutesBalance(0);
        assertThat(Http.send(
                                "POST",
                                proxy.baseUrl() + "/calls/outbound",
                                "fl_test",
                                "{\"destination\":\"+31612345678\",\"assistant_id\":\"" + agent + "\"}")
                        .status())
                .isEqualTo(402);
        mock.enforceRateLimits(true);
        int status = 0;
        for (int i = 0; i < 101 && status != 429; i++) {
            status = Http.send("GET", proxy.baseUrl() + "/voices", "fl_limited", null)
                    .status();
        }
        assertThat(status).isEqualTo(429);
        // The requests were wrong on purpose; the answers must not be.
        assertThat(proxy.drifts())
                .filteredOn(d -> d.get("direction").asText().equals("response"))
                .isEmpty();
        assertThat(proxy.drifts())
                .filteredOn(d -> d.get("direction").asText().equals("request"))
                .isNotEmpty();
    }

    /** The legacy API's answers conform to flireo-legacy-nl.yaml. */
    @Test
    void legacyAnswersConform() {
        String v1 = "http://127.0.0.1:" + proxy.port() + "/v1";
        String assistant = Http.send("POST", v1 + "/assistants", "k", "{\"name\":\"Receptie\"}")
                .json()
                .at("/data/id")
                .asText();
        Http.send("GET", v1 + "/assistants", "k", null);
        Http.send("PUT", v1 + "/assistants/" + assistant, "k", "{\"name\":\"Receptie 2\"}");
        Http.send(
                "POST", v1 + "/phone-numbers", "k", "{\"phone_number\":\"+31851234567\",\"number_type\":\"national\"}");
        String number = Http.send("GET", v1 + "/phone-numbers?include_default=true", "k", null)
                .json()
                .at("/data/0/id")
                .asText();
        Http.send("GET", v1 + "/phone-numbers/" + number, "k", null);
        Http.send("GET", v1 + "/phone-numbers/available?number_type=mobile", "k", null);
        Http.send("GET", v1 + "/phone-number-orders", "k", null);
        Http.send(
                "POST",
                v1 + "/assistants/" + assistant + "/phone-number",
                "k",
                "{\"phone_number_id\":\"" + number + "\"}");
        Http.send("GET", v1 + "/assistants/" + assistant + "/phone-number", "k", null);
        Http.send("DELETE", v1 + "/assistants/" + assistant + "/phone-number", "k", null);
        Http.send("POST", v1 + "/contacts", "k", "{\"name\":\"Jan\"}");
        Http.send("GET", v1 + "/contacts", "k", null);
        Http.send("GET", v1 + "/user/extended", "k", null);
        Http.send("POST", v1 + "/calls/direct", "k", "{\"phone_number\":\"+31612345678\"}");
        Http.send("GET", v1 + "/calls", "k", null);
        Http.send("GET", v1 + "/assistants/5c4d030f-43e3-4e65-899e-8148521e660f", "k", null);
        Http.send("DELETE", v1 + "/assistants/" + assistant, "k", null);
        assertThat(proxy.drifts())
                .filteredOn(d -> d.get("direction").asText().equals("response"))
                .isEmpty();
    }
}
