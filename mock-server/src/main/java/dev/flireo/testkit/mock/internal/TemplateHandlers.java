package dev.flireo.testkit.mock.internal;

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
        Kind tools = new Kind("tool_templates", "toolTemplate", "toolTemplates", "Tool template", "ToolTemplateCreate");
        Kind analysis = new Kind("analysis_templates", "analysisTemplate", "analysisTemplates", "Analysis template",
                "AnalysisTemplateCreate");
        for (Kind kind : new Kind[] {tools, analysis}) {
            String name = kind == tools ? "ToolTemplate" : "AnalysisTemplate";
            into.put("list" + name + "s", r -> list(kind));
            into.put("create" + name, r -> create(kind, r));
            into.put("get" + name, r -> ApiResponse.ok(Json.object(kind.single, MockContext.present(require(kind, r.path("id"))))));
            into.put("update" + name, r -> update(kind, r));
            into.put("delete" + name, r -> {
                ctx.collection(kind.collection).remove(r.path("id"))
                        .orElseThrow(() -> ApiError.notFound(kind.label + " " + r.path("id")));
                return ApiResponse.ok(Json.object().put("success", true));
            });
        }
    }

    private record Kind(String collection, String single, String plural, String label, String createSchema) {
    }

    private ApiResponse list(Kind kind) {
        ObjectNode out = Json.object();
        out.putArray(kind.plural);
        ctx.collection(kind.collection).list().forEach(t -> out.withArray(kind.plural).add(MockContext.present(t)));
        return ApiResponse.ok(out);
    }

    private ApiResponse create(Kind kind, ApiRequest request) {
        ObjectNode template = ctx.newResource(request.object(), true);
        if (!template.has("description")) {
            template.putNull("description");
        }
        if (kind.collection.equals("analysis_templates")) {
            template.put("org_id", AccountHandlers.organizationRecord(ctx).get("id").asText());
            MockContext.defaults(template, Json.object().putNull("system_prompt").putNull("user_prompt"));
        }
        synchronized (this) {
            checkUniqueName(kind, template.get("name").asText(), null);
            ctx.collection(kind.collection).insert(template);
        }
        return ApiResponse.created(Json.object(kind.single, MockContext.present(template)));
    }

    private ApiResponse update(Kind kind, ApiRequest request) {
        String id = request.path("id");
        ObjectNode merged = ctx.merge(require(kind, id).deepCopy(), request.object());
        ObjectNode sent = request.object();
        if (sent.has("tool_type") && !sent.has("tool_config")
                && !sent.get("tool_type").equals(require(kind, id).get("tool_type"))) {
            throw ApiError.unprocessable("Changing tool_type requires a matching tool_config in the same request",
                    "tool_config");
        }
        if (kind.collection.equals("tool_templates")) {
            // tool_config follows tool_type: check the merged template as a whole, as a create would be.
            conforms.accept(kind.createSchema, merged);
        }
        synchronized (this) {
            if (sent.has("name")) {
                checkUniqueName(kind, sent.get("name").asText(), id);
            }
            ObjectNode updated = ctx.collection(kind.collection).update(id, t -> ctx.merge(t, sent))
                    .orElseThrow(() -> ApiError.notFound(kind.label + " " + id));
            return ApiResponse.ok(Json.object(kind.single, MockContext.present(updated)));
        }
    }

    private void checkUniqueName(Kind kind, String name, String exceptId) {
        if (ctx.collection(kind.collection).any(t -> name.equals(t.path("name").asText())
                && !t.get("id").asText().equals(exceptId))) {
            throw ApiError.conflict("name_taken", kind.label + " named '" + name + "' already exists", "name");
        }
    }

    private ObjectNode require(Kind kind, String id) {
        return ctx.collection(kind.collection).get(id).orElseThrow(() -> ApiError.notFound(kind.label + " " + id));
    }
}
