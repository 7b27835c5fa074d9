package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.api.McpServersApi;
import dev.flireo.testkit.openapi.client.api.NumbersApi;
import dev.flireo.testkit.openapi.client.api.WorkflowsApi;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.LlmConfig;
import dev.flireo.testkit.openapi.client.model.McpServer;
import dev.flireo.testkit.openapi.client.model.McpServerCreate;
import dev.flireo.testkit.openapi.client.model.McpServerTestSuccess;
import dev.flireo.testkit.openapi.client.model.McpServerUpdate;
import dev.flireo.testkit.openapi.client.model.McpTool;
import dev.flireo.testkit.openapi.client.model.PhoneNumberCreate;
import dev.flireo.testkit.openapi.client.model.ToolDefinition;
import dev.flireo.testkit.openapi.client.model.WorkflowConversationNode;
import dev.flireo.testkit.openapi.client.model.WorkflowCreate;
import dev.flireo.testkit.openapi.client.model.WorkflowDefinition;
import dev.flireo.testkit.openapi.client.model.WorkflowEdge;
import dev.flireo.testkit.openapi.client.model.WorkflowEndNode;
import dev.flireo.testkit.openapi.client.model.WorkflowNode;
import dev.flireo.testkit.openapi.client.model.WorkflowUpdate;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class McpServersAndWorkflowsAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().build();

    private final McpServersApi mcp = new McpServersApi(Clients.client(flireo));
    private final WorkflowsApi workflows = new WorkflowsApi(Clients.client(flireo));

    private McpServer crm() throws Exception {
        return mcp.createMcpServer(new McpServerCreate()
                        .name("CRM")
                        .url(URI.create("https://MCP.example.com/mcp"))
                        .headers(Map.of("Authorization", "Bearer crm-secret")))
                .getMcpServer();
    }

    @Test
    void mcpServersKeepHeadersWriteOnlyAndNamesUnique() throws Exception {
        McpServer server = crm();
        assertThat(server.getHeaderNames()).containsExactly("Authorization");
        assertThat(server.getUrl().toString()).isEqualTo("https://mcp.example.com/mcp");
        assertThat(server.getTimeoutSeconds()).isEqualTo(20);
        assertThat(Http.send("GET", flireo.baseUrl() + "/mcp-servers", flireo.apiKey(), null)
                        .body())
                .doesNotContain("crm-secret");
        Clients.error(409, this::crm);
        assertThat(mcp.getMcpServer(server.getId()).getMcpServer().getName()).isEqualTo("CRM");
        assertThat(mcp.listMcpServers().getMcpServers()).hasSize(1);
        // The generated model always sends headers ({} by default), so the raw request shows the rule.
        Http.Reply moved = Http.send(
                "PATCH",
                flireo.baseUrl() + "/mcp-servers/" + server.getId(),
                flireo.apiKey(),
                "{\"url\":\"https://other.example.com/mcp\"}");
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().at("/param").asText()).isEqualTo("headers");
        assertThat(mcp.updateMcpServer(
                                server.getId(),
                                new McpServerUpdate()
                                        .url(URI.create("https://other.example.com/mcp"))
                                        .headers(Map.of()))
                        .getMcpServer()
                        .getHeaderNames())
                .isEmpty();
        var tested = mcp.testMcpServer(server.getId(), null);
        assertThat(((McpServerTestSuccess) tested.getActualInstance()).getOk().getValue())
                .isTrue();
        Clients.error(
                422,
                () -> mcp.createMcpServer(
                        new McpServerCreate().name("Plain").url(URI.create("http://mcp.example.com"))));
    }

    @Test
    void anMcpServerInUseCannotBeDeleted() throws Exception {
        McpServer server = crm();
        UUID assistant = new AssistantsApi(Clients.client(flireo))
                .createAssistant(new AssistantCreate()
                        .name("Uses CRM")
                        .llmConfig(new LlmConfig()
                                .provider(LlmConfig.ProviderEnum.OPENAI)
                                .model("gpt-4o-mini")
                                .tools(List.of(new ToolDefinition(
                                        new McpTool().type(McpTool.TypeEnum.MCP).mcpServerId(server.getId()))))))
                .getAssistant()
                .getId();
        var error = Clients.error(409, () -> mcp.deleteMcpServer(server.getId()));
        assertThat(error.get("error").asText()).isEqualTo("mcp_server_in_use");
        assertThat(error.get("message").asText()).contains("Uses CRM");
        new AssistantsApi(Clients.client(flireo)).deleteAssistant(assistant);
        assertThat(mcp.deleteMcpServer(server.getId()).getSuccess().getValue()).isTrue();
    }

    private static WorkflowDefinition graph(String entry) {
        return new WorkflowDefinition()
                .version(WorkflowDefinition.VersionEnum.NUMBER_1)
                .entryNode(entry)
                .nodes(List.of(
                        new WorkflowNode(new WorkflowConversationNode()
                                .id("reception")
                                .type(WorkflowConversationNode.TypeEnum.CONVERSATION)
                                .instructions("Welcome the caller")),
                        new WorkflowNode(new WorkflowEndNode().id("bye").type(WorkflowEndNode.TypeEnum.END))))
                .edges(List.of(new WorkflowEdge().from("reception").to("bye").description("Caller is done")));
    }

    @Test
    void workflowsAreValidatedSummarisedAndProtectedWhileInUse() throws Exception {
        var created = workflows
                .createWorkflow(new WorkflowCreate().name("Reception").definition(graph("reception")))
                .getWorkflow();
        assertThat(created.getIsActive()).isTrue();
        var summary = workflows.listWorkflows().getWorkflows().get(0);
        assertThat(summary.getNodeCount()).isEqualTo(2);
        assertThat(summary.getEdgeCount()).isEqualTo(1);
        assertThat(summary.getEntryNode()).isEqualTo("reception");
        assertThat(workflows
                        .updateWorkflow(created.getId(), new WorkflowUpdate().isActive(false))
                        .getWorkflow()
                        .getIsActive())
                .isFalse();
        assertThat(workflows
                        .getWorkflow(created.getId())
                        .getWorkflow()
                        .getDefinition()
                        .getEntryNode())
                .isEqualTo("reception");

        UUID number = new NumbersApi(Clients.client(flireo))
                .createNumber(
                        new PhoneNumberCreate().phoneNumber("+31850835037").workflowId(created.getId()))
                .getNumber()
                .getId();
        var error = Clients.error(409, () -> workflows.deleteWorkflow(created.getId()));
        assertThat(error.get("error").asText()).isEqualTo("workflow_in_use");
        new NumbersApi(Clients.client(flireo)).deleteNumber(number);
        workflows.deleteWorkflow(created.getId());
    }

    @Test
    void anInvalidServerDefinitionListsEveryProblem() {
        Http.Reply reply = Http.send(
                "POST",
                flireo.baseUrl() + "/mcp-servers",
                flireo.apiKey(),
                "{\"transport\":\"carrier-pigeon\",\"timeout_seconds\":\"soon\",\"headers\":{\"X-Key\":42}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("param").asText()).isEqualTo("name");
        assertThat(reply.json().get("message").asText()).isEqualTo("Missing required field: name, and 4 more problems");
        assertThat(reply.json().get("details"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "Missing required field: name",
                        "Missing required field: url",
                        "Invalid value for transport: expected one of streamable_http, sse",
                        "Invalid value for headers.X-Key: integer found, string expected",
                        "Invalid value for timeout_seconds: string found, integer expected");
        assertThat(flireo.state().list("mcp_servers")).isEmpty();
    }

    @Test
    void eachNodeIsCheckedAsItsOwnTypeAndAnUnknownTypeNamesTheKnownOnes() {
        Http.Reply reply = Http.send("POST", flireo.baseUrl() + "/workflows", flireo.apiKey(), """
                {"name":"W","definition":{"version":1,"entry_node":"a","nodes":[
                  {"id":"a","type":"conversation","instructions":"Hi"},{"id":"t","type":"tool"},{"id":"z","type":"teleport"}],
                 "edges":[{"from":"a","to":"t"}]}}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "Missing required field: definition.nodes[1].tool_name",
                        "Invalid value for definition.nodes[2].type: expected one of conversation, tool, transfer, end",
                        "Invalid value for definition.edges[0].description: expected a description on an edge that does not"
                                + " leave a tool node");
        assertThat(flireo.state().list("workflows")).isEmpty();
    }

    @Test
    void anInvalidGraphIs400WithEveryProblemInDetails() {
        Http.Reply reply = Http.send("POST", flireo.baseUrl() + "/workflows", flireo.apiKey(), """
                {"name":"Broken","definition":{"version":1,"entry_node":"bye","nodes":[
                  {"id":"reception","type":"conversation","instructions":"Hi"},{"id":"bye","type":"end"}],
                 "edges":[{"from":"bye","to":"reception","description":"x"},{"from":"reception","to":"ghost"}]}}""");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(reply.json().get("param").asText()).isEqualTo("definition.entry_node");
        assertThat(reply.json().get("message").asText())
                .isEqualTo("Invalid value for definition.entry_node: expected the id"
                        + " of a conversation node, got \"bye\", and 2 more problems");
        assertThat(reply.json().get("details"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "Invalid value for definition.entry_node: expected the id of a conversation node, got \"bye\"",
                        "Invalid value for definition.edges[0].from: \"bye\" is a terminal end node; no edge leaves it",
                        "Invalid value for definition.edges[1].to: expected the id of a node, got \"ghost\"");
    }
}
