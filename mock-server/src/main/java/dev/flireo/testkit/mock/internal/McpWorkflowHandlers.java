package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /mcp-servers} (unique names, write-only headers, in-use check) and {@code /workflows} (graph rules). */
final class McpWorkflowHandlers {

    private final MockContext ctx;

    McpWorkflowHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    /** The workflow graph rules are the contracts' ({@code ApiContracts.requestErrors}), checked before a handler runs. */
    void register(Map<String, Handler> into) {
        into.put("listMcpServers", r -> {
            ObjectNode out = Json.object();
            out.putArray("mcp_servers");
            ctx.collection(Resource.MCP_SERVERS)
                    .list()
                    .forEach(m -> out.withArray("mcp_servers").add(MockContext.present(m)));
            return ApiResponse.ok(out);
        });
        into.put("createMcpServer", this::createMcp);
        into.put(
                "getMcpServer",
                r -> ApiResponse.ok(Json.object("mcp_server", MockContext.present(requireMcp(r.path("id"))))));
        into.put("updateMcpServer", this::updateMcp);
        into.put("deleteMcpServer", this::deleteMcp);
        into.put("testMcpServer", this::testMcp);
        into.put("listWorkflows", r -> {
            ObjectNode out = Json.object();
            out.putArray("workflows");
            ctx.collection(Resource.WORKFLOWS)
                    .list()
                    .forEach(w -> out.withArray("workflows").add(summary(w)));
            return ApiResponse.ok(out);
        });
        into.put("createWorkflow", this::createWorkflow);
        into.put(
                "getWorkflow",
                r -> ApiResponse.ok(Json.object("workflow", MockContext.present(requireWorkflow(r.path("id"))))));
        into.put("updateWorkflow", this::updateWorkflow);
        into.put("deleteWorkflow", this::deleteWorkflow);
    }

    private ObjectNode requireMcp(String id) {
        return ctx.collection(Resource.MCP_SERVERS).get(id).orElseThrow(() -> ApiError.notFound("MCP server " + id));
    }

    private ObjectNode requireWorkflow(String id) {
        return ctx.collection(Resource.WORKFLOWS).get(id).orElseThrow(() -> ApiError.notFound("Workflow " + id));
    }

    private ApiResponse createMcp(ApiRequest request) {
        ObjectNode body = request.object().deepCopy();
        JsonNode headers = body.remove("headers");
        ObjectNode server = ctx.newResource(body, true);
        server.put("url", normalizeUrl(body.get("url").asText()));
        MockContext.defaults(
                server, Json.object().put("transport", "streamable_http").put("timeout_seconds", 20));
        setHeaders(server, headers == null ? Json.object() : headers);
        synchronized (this) {
            checkUniqueName(server.get("name").asText(), null);
            ctx.collection(Resource.MCP_SERVERS).insert(server);
        }
        return ApiResponse.created(Json.object("mcp_server", MockContext.present(server)));
    }

    private ApiResponse updateMcp(ApiRequest request) {
        String id = request.path("id");
        ObjectNode sent = request.object().deepCopy();
        ObjectNode stored = requireMcp(id);
        JsonNode headers = sent.remove("headers");
        if (sent.has("url")) {
            sent.put("url", normalizeUrl(sent.get("url").asText()));
            String oldHost = URI.create(stored.get("url").asText()).getHost();
            if (!Objects.equals(oldHost, URI.create(sent.get("url").asText()).getHost()) && headers == null) {
                throw ApiError.badRequest(
                        "headers_required",
                        "url moves to another host: send headers in the same request so credentials are not sent to "
                                + "the new host by accident",
                        "headers");
            }
        }
        synchronized (this) {
            if (sent.has("name")) {
                checkUniqueName(sent.get("name").asText(), id);
            }
            ObjectNode updated = ctx.collection(Resource.MCP_SERVERS)
                    .update(id, m -> {
                        ctx.merge(m, sent);
                        if (headers != null) {
                            setHeaders(m, headers);
                        }
                        return m;
                    })
                    .orElseThrow(() -> ApiError.notFound("MCP server " + id));
            return ApiResponse.ok(Json.object("mcp_server", MockContext.present(updated)));
        }
    }

    private ApiResponse deleteMcp(ApiRequest request) {
        String id = request.path("id");
        requireMcp(id);
        List<String> users = ctx.collection(Resource.ASSISTANTS).list(a -> usesMcp(a, id)).stream()
                .map(a -> a.path("name").asText())
                .toList();
        if (!users.isEmpty()) {
            throw ApiError.conflict(
                    "mcp_server_in_use",
                    "MCP server " + id + " is used by assistant(s) " + users + "; remove their mcp tools first",
                    "id");
        }
        ctx.collection(Resource.MCP_SERVERS).remove(id);
        return ApiResponse.ok(Json.object().put("success", true));
    }

    private static boolean usesMcp(ObjectNode assistant, String serverId) {
        for (JsonNode tool : assistant.path("llm_config").path("tools")) {
            if ("mcp".equals(tool.path("type").asText())
                    && serverId.equals(tool.path("mcp_server_id").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mock cannot reach real MCP servers, so the test reports the tools stored with the server ({@code _tools},
     * settable through a seed or an import); a host under {@code .invalid} fails like an unreachable server.
     */
    private ApiResponse testMcp(ApiRequest request) {
        long start = System.nanoTime();
        ObjectNode server = requireMcp(request.path("id"));
        String host = URI.create(server.get("url").asText()).getHost();
        ObjectNode out = Json.object();
        boolean unreachable = host == null || host.endsWith(".invalid");
        out.put("ok", !unreachable);
        out.put("duration_ms", (System.nanoTime() - start) / 1_000_000);
        if (unreachable) {
            out.put("error", "Could not connect to " + server.get("url").asText() + ": host not found");
        } else {
            out.set("tools", server.has("_tools") ? server.get("_tools").deepCopy() : Json.array());
        }
        return ApiResponse.ok(out);
    }

    private void checkUniqueName(String name, String exceptId) {
        if (ctx.collection(Resource.MCP_SERVERS)
                .any(m -> name.equals(m.path("name").asText())
                        && !m.get("id").asText().equals(exceptId))) {
            throw ApiError.conflict("name_taken", "An MCP server named '" + name + "' already exists", "name");
        }
    }

    private static void setHeaders(ObjectNode server, JsonNode headers) {
        server.set("_headers", headers.deepCopy());
        ArrayNode names = server.putArray("header_names");
        headers.fieldNames().forEachRemaining(names::add);
    }

    private static String normalizeUrl(String url) {
        URI uri = URI.create(url).normalize();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return "https://" + host + (uri.getPort() > 0 && uri.getPort() != 443 ? ":" + uri.getPort() : "") + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private ApiResponse createWorkflow(ApiRequest request) {
        ObjectNode body = request.object();
        ObjectNode workflow = ctx.newResource(body, true);
        MockContext.defaults(workflow, Json.object().put("is_active", true));
        ctx.collection(Resource.WORKFLOWS).insert(workflow);
        return ApiResponse.created(Json.object("workflow", MockContext.present(workflow)));
    }

    private ApiResponse updateWorkflow(ApiRequest request) {
        String id = request.path("id");
        requireWorkflow(id);
        ObjectNode updated = ctx.collection(Resource.WORKFLOWS)
                .update(id, w -> ctx.merge(w, request.object()))
                .orElseThrow(() -> ApiError.notFound("Workflow " + id));
        return ApiResponse.ok(Json.object("workflow", MockContext.present(updated)));
    }

    private ApiResponse deleteWorkflow(ApiRequest request) {
        String id = request.path("id");
        requireWorkflow(id);
        List<String> numbers =
                ctx
                        .collection(Resource.NUMBERS)
                        .list(n -> id.equals(n.path("workflow_id").asText(null)))
                        .stream()
                        .map(n -> n.path("phone_number").asText())
                        .toList();
        if (!numbers.isEmpty()) {
            throw ApiError.conflict(
                    "workflow_in_use",
                    "Workflow " + id + " still runs on " + numbers
                            + "; detach with PATCH /numbers/{id} {\"workflow_id\": null}",
                    "id");
        }
        ctx.collection(Resource.WORKFLOWS).remove(id);
        return ApiResponse.ok(Json.object().put("success", true));
    }

    private static ObjectNode summary(ObjectNode workflow) {
        JsonNode def = workflow.path("definition");
        ObjectNode s = Json.object();
        s.put("id", workflow.get("id").asText());
        s.put("name", workflow.path("name").asText());
        s.put("is_active", workflow.path("is_active").asBoolean(true));
        s.put("entry_node", def.path("entry_node").asText(null));
        s.put("node_count", def.path("nodes").size());
        s.put("edge_count", def.path("edges").size());
        s.put("created_at", workflow.get("created_at").asText());
        s.put("updated_at", workflow.get("updated_at").asText());
        return s;
    }
}
