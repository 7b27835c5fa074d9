package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.BiConsumer;

/** {@code /tool-templates} and {@code /analysis-templates}: copied into agents when used, so deletes are free. */
final class TemplateHandlers {

    private final MockContext ctx;
    /** Validates a merged resource against a component schema; throws a 422 naming the field. */
    private final BiConsumer<String, ObjectNode> conforms;

    TemplateHandlers(MockContext ctx, BiConsumer<String, ObjectNode> conforms) {
        this.ctx = ctx;
        this.conforms = conforms;
    }

    void register(Map<String, Handler> into) {
        // Wrapper keys as SDK v2.2.0 reads them (the Flireo page's camelCase toolTemplate(s) is not sent).
        Kind tools = new Kind(
                Resource.TOOL_TEMPLATES, "tool_template", "tool_templates", "Tool template", "ToolTemplateCreate");
        Kind analysis = new Kind(
                Resource.ANALYSIS_TEMPLATES,
                "analysis_template",
                "analysis_templates",
                "Analysis template",
                "AnalysisTemplateCreate");
        for (Kind kind : new Kind[] {tools, analysis}) {
            String name = kind == tools ? "ToolTemplate" : "AnalysisTemplate";
            into.put("list" + name + "s", r -> list(kind));
            into.put("create" + name, r -> create(kind, r));
            into.put(
                    "get" + name,
                    r -> ApiResponse.ok(Json.object(kind.single, MockContext.present(require(kind, r.path("id"))))));
            into.put("update" + name, r -> update(kind, r));
            into.put("delete" + name, r -> {
                ctx.collection(kind.collection)
                        .remove(r.path("id"))
                        .orElseThrow(() -> ApiError.notFound(kind.label + " " + r.path("id")));
                return ApiResponse.ok(Json.object().put("success", true));
            });
        }
    }

    private record Kind(Resource collection, String single, String plural, String label, String createSchema) {}

    private ApiResponse list(Kind kind) {
        ObjectNode out = Json.object();
        out.putArray(kind.plural);
        ctx.collection(kind.collection)
                .list()
                .forEach(t -> out.withArray(kind.plural).add(MockContext.present(t)));
        return ApiResponse.ok(out);
    }

    private ApiResponse create(Kind kind, ApiRequest request) {
        ObjectNode template = ctx.newResource(canonical(request.object()), true);
        if (!template.has("description")) {
            template.putNull("description");
        }
        template.put("org_id", Organization.id(ctx));
        synchronized (this) {
            checkUniqueName(kind, template.get("name").asText(), null);
            ctx.collection(kind.collection).insert(template);
        }
        return ApiResponse.created(Json.object(kind.single, MockContext.present(template)));
    }

    private ApiResponse update(Kind kind, ApiRequest request) {
        String id = request.path("id");
        ObjectNode sent = canonical(request.object());
        ObjectNode merged = ctx.merge(require(kind, id).deepCopy(), sent);
        if (sent.has("tool_type")
                && !sent.has("tool_config")
                && !sent.get("tool_type").equals(require(kind, id).get("tool_type"))) {
            throw ApiError.unprocessable(
                    "Changing tool_type requires a matching tool_config in the same request", "tool_config");
        }
        if (kind.collection == Resource.TOOL_TEMPLATES) {
            // tool_config follows tool_type: check the merged template as a whole, as a create would be.
            conforms.accept(kind.createSchema, merged);
        }
        synchronized (this) {
            if (sent.has("name")) {
                checkUniqueName(kind, sent.get("name").asText(), id);
            }
            ObjectNode updated = ctx.collection(kind.collection)
                    .update(id, t -> ctx.merge(t, sent))
                    .orElseThrow(() -> ApiError.notFound(kind.label + " " + id));
            return ApiResponse.ok(Json.object(kind.single, MockContext.present(updated)));
        }
    }

    /**
     * A template body in the one shape SDK v2.2.0 reads back: the Flireo page's {@code endCall}/{@code transferCall}
     * stored as {@code end_call}/{@code transfer_call}, and the successor guide's analysis {@code messages} stored as
     * {@code system_prompt}/{@code user_prompt} (its {@code min_messages_threshold} has no place in a template).
     */
    private static ObjectNode canonical(ObjectNode sent) {
        ObjectNode body = sent.deepCopy();
        String type = body.path("tool_type").asText();
        if (type.equals("endCall") || type.equals("transferCall")) {
            body.put("tool_type", type.equals("endCall") ? "end_call" : "transfer_call");
        }
        JsonNode messages = body.remove("messages");
        body.remove("min_messages_threshold");
        if (messages != null) {
            for (JsonNode message : messages) {
                String field = message.path("role").asText().equals("system") ? "system_prompt" : "user_prompt";
                if (!body.has(field)) {
                    body.put(field, message.path("content").asText());
                }
            }
        }
        return body;
    }

    private void checkUniqueName(Kind kind, String name, String exceptId) {
        if (ctx.collection(kind.collection)
                .any(t -> name.equals(t.path("name").asText())
                        && !t.get("id").asText().equals(exceptId))) {
            throw ApiError.conflict("name_taken", kind.label + " named '" + name + "' already exists", "name");
        }
    }

    private ObjectNode require(Kind kind, String id) {
        return ctx.collection(kind.collection).get(id).orElseThrow(() -> ApiError.notFound(kind.label + " " + id));
    }
}
