package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** {@code /numbers} and {@code /sip-trunks}: numbers point at agents, trunks and workflows, so they are checked. */
final class NumberHandlers {

    private final MockContext ctx;

    NumberHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    void register(Map<String, Handler> into) {
        into.put("listNumbers", r -> {
            ObjectNode out = Json.object();
            out.putArray("numbers");
            ctx.collection(Resource.NUMBERS)
                    .list()
                    .forEach(n -> out.withArray("numbers").add(present(n)));
            return ApiResponse.ok(out);
        });
        into.put("createNumber", this::createNumber);
        into.put("getNumber", r -> ApiResponse.ok(Json.object("number", present(requireNumber(r.path("id"))))));
        into.put("updateNumber", this::updateNumber);
        into.put("deleteNumber", r -> {
            ctx.collection(Resource.NUMBERS)
                    .remove(r.path("id"))
                    .orElseThrow(() -> ApiError.notFound("Number " + r.path("id")));
            return ApiResponse.ok(Json.object().put("success", true));
        });
        into.put("listSipTrunks", r -> {
            ObjectNode out = Json.object();
            out.putArray("trunks");
            ctx.collection(Resource.SIP_TRUNKS)
                    .list()
                    .forEach(t -> out.withArray("trunks").add(MockContext.present(t)));
            return ApiResponse.ok(out);
        });
        into.put("createSipTrunk", this::createTrunk);
        into.put(
                "getSipTrunk",
                r -> ApiResponse.ok(Json.object("trunk", MockContext.present(requireTrunk(r.path("id"))))));
        into.put("deleteSipTrunk", this::deleteTrunk);
    }

    private ApiResponse createNumber(ApiRequest request) {
        ObjectNode body = request.object();
        String phone = body.get("phone_number").asText();
        checkReferences(body);
        ObjectNode number = ctx.newResource(body, true);
        ObjectNode defaults = Json.object();
        defaults.putNull("name");
        defaults.putNull("agent_id");
        defaults.putNull("transfer_trunk_id");
        defaults.putNull("workflow_id");
        defaults.put("source", "api");
        defaults.put("is_active", true);
        MockContext.defaults(number, defaults);
        // One registration per E.164 number: the check and the insert happen under one lock.
        synchronized (this) {
            if (ctx.collection(Resource.NUMBERS)
                    .any(n -> phone.equals(n.path("phone_number").asText()))) {
                throw ApiError.conflict(
                        "number_already_registered", "Number " + phone + " is already registered", "phone_number");
            }
            ctx.collection(Resource.NUMBERS).insert(number);
        }
        return ApiResponse.created(Json.object("number", present(number)));
    }

    private ApiResponse updateNumber(ApiRequest request) {
        String id = request.path("id");
        requireNumber(id);
        checkReferences(request.object());
        ObjectNode updated = ctx.collection(Resource.NUMBERS)
                .update(id, n -> ctx.merge(n, request.object()))
                .orElseThrow(() -> ApiError.notFound("Number " + id));
        return ApiResponse.ok(Json.object("number", present(updated)));
    }

    /** Referenced agents, trunks and workflows must exist (422, the request is well-formed but points nowhere). */
    private void checkReferences(ObjectNode body) {
        check(body, "agent_id", Resource.ASSISTANTS, "agent");
        check(body, "transfer_trunk_id", Resource.SIP_TRUNKS, "SIP trunk");
        check(body, "workflow_id", Resource.WORKFLOWS, "workflow");
    }

    private void check(ObjectNode body, String field, Resource collection, String what) {
        JsonNode id = body.get(field);
        if (id != null
                && !id.isNull()
                && ctx.collection(collection).get(id.asText()).isEmpty()) {
            throw ApiError.unprocessable("Unknown " + what + " " + id.asText() + " in " + field, field);
        }
    }

    private ObjectNode requireNumber(String id) {
        return ctx.collection(Resource.NUMBERS).get(id).orElseThrow(() -> ApiError.notFound("Number " + id));
    }

    private ObjectNode requireTrunk(String id) {
        return ctx.collection(Resource.SIP_TRUNKS).get(id).orElseThrow(() -> ApiError.notFound("SIP trunk " + id));
    }

    /** A number with the names of what it points at, as the SDK documents. */
    private ObjectNode present(ObjectNode number) {
        ObjectNode out = MockContext.present(number);
        ObjectNode agent = ctx.collection(Resource.ASSISTANTS)
                .get(number.path("agent_id").asText(null))
                .orElse(null);
        out.put("agent_name", agent == null ? null : agent.path("name").asText(null));
        out.put(
                "business_name",
                agent == null ? null : agent.path("business_name").asText(null));
        ObjectNode trunk = ctx.collection(Resource.SIP_TRUNKS)
                .get(number.path("transfer_trunk_id").asText(null))
                .orElse(null);
        out.put("transfer_trunk_name", trunk == null ? null : trunk.path("name").asText(null));
        ObjectNode workflow = ctx.collection(Resource.WORKFLOWS)
                .get(number.path("workflow_id").asText(null))
                .orElse(null);
        out.put("workflow_name", workflow == null ? null : workflow.path("name").asText(null));
        return out;
    }

    /**
     * A trunk in the shape SDK v2.2.0 reads. The Flireo page's {@code port} has no field of its own there, so a
     * port other than SIP's default 5060 becomes part of the address.
     */
    private ApiResponse createTrunk(ApiRequest request) {
        ObjectNode body = request.object();
        ObjectNode trunk = ctx.newResource(null, true);
        trunk.put("org_id", Organization.id(ctx));
        trunk.put("name", body.get("name").asText());
        trunk.put("provider", body.get("provider").asText());
        int port = body.path("port").asInt(5060);
        trunk.put("address", body.get("address").asText() + (port == 5060 ? "" : ":" + port));
        trunk.put("transport", body.path("transport").asText("udp"));
        trunk.put("auth_username", body.path("auth_username").asText(null));
        trunk.put("is_active", true);
        if (body.has("auth_password")) {
            trunk.set("_password", body.get("auth_password")); // "stored encrypted and never returned"
        }
        ctx.collection(Resource.SIP_TRUNKS).insert(trunk);
        return ApiResponse.created(Json.object("trunk", MockContext.present(trunk)));
    }

    private ApiResponse deleteTrunk(ApiRequest request) {
        String id = request.path("id");
        ctx.collection(Resource.SIP_TRUNKS).remove(id).orElseThrow(() -> ApiError.notFound("SIP trunk " + id));
        ctx.collection(Resource.NUMBERS)
                .list(n -> id.equals(n.path("transfer_trunk_id").asText(null)))
                .forEach(n -> ctx.collection(Resource.NUMBERS)
                        .update(n.get("id").asText(), u -> u.putNull("transfer_trunk_id")));
        return ApiResponse.ok(Json.object().put("success", true));
    }
}
