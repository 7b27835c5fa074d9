package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The legacy Dutch API under {@code /v1}: {@code {data}}, {@code {data, meta}} and {@code {message, data}}
 * envelopes, credits (10 per ordered number) and the assistant/phone-number link. Most of its resources are
 * known only by name, so they are plain persistent collections.
 */
final class LegacyHandlers {

    static final int DEFAULT_CREDITS = 100;
    private static final int NUMBER_PRICE = 10;

    private final MockContext ctx;
    private final AtomicInteger numberSequence = new AtomicInteger(1000);

    LegacyHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    void register(Map<String, Handler> into) {
        crud(into, "Assistant", Resource.LEGACY_ASSISTANTS, "Assistant", true);
        crud(into, "Contact", Resource.LEGACY_CONTACTS, "Contact", true);
        crud(into, "ScheduledCall", Resource.LEGACY_SCHEDULED_CALLS, "Scheduled call", true);
        crud(into, "SipConnection", Resource.LEGACY_SIP_CONNECTIONS, "SIP connection", true);
        into.put("replaceAssistant", r -> update(Resource.LEGACY_ASSISTANTS, "Assistant", r));
        into.put("replaceContact", r -> update(Resource.LEGACY_CONTACTS, "Contact", r));
        into.put("cancelScheduledCall", r -> delete(Resource.LEGACY_SCHEDULED_CALLS, "Scheduled call", r));
        into.put("listCalls", r -> list(Resource.LEGACY_CALLS, r));
        into.put("getCall", r -> get(Resource.LEGACY_CALLS, "Call", r));
        into.put("deleteCall", r -> delete(Resource.LEGACY_CALLS, "Call", r));
        into.put("startDirectCall", this::directCall);
        into.put("injectCallMessage", this::injectMessage);
        into.put("getAssistantPhoneNumber", this::assistantNumber);
        into.put("linkAssistantPhoneNumber", this::link);
        into.put("unlinkAssistantPhoneNumber", this::unlink);
        into.put("listPhoneNumbers", this::listNumbers);
        into.put(
                "getPhoneNumber",
                r -> ApiResponse.ok(Json.object(
                        "data", presentNumber(require(Resource.LEGACY_PHONE_NUMBERS, "Phone number", r.path("id"))))));
        into.put("deletePhoneNumber", r -> delete(Resource.LEGACY_PHONE_NUMBERS, "Phone number", r));
        into.put(
                "orderPhoneNumber",
                r -> order(
                        r.object().get("phone_number").asText(),
                        r.object().path("number_type").asText("national"),
                        null));
        into.put(
                "listAvailablePhoneNumbers",
                r -> available(r, r.query("number_type") == null ? "national" : r.query("number_type")));
        into.put(
                "listAvailablePhoneNumbersLegacy",
                r -> available(r, r.query("number_type") == null ? "national" : r.query("number_type")));
        into.put("listPhoneNumberOrders", r -> list(Resource.LEGACY_PHONE_NUMBER_ORDERS, r));
        into.put("getPhoneNumberOrder", r -> get(Resource.LEGACY_PHONE_NUMBER_ORDERS, "Order", r));
        into.put("listVerificationGroups", r -> list(Resource.LEGACY_VERIFICATION_GROUPS, r));
        into.put("createVerificationGroup", this::createGroup);
        into.put("getVerificationGroup", this::groupDetail);
        into.put("deleteVerificationGroup", r -> delete(Resource.LEGACY_VERIFICATION_GROUPS, "Verification group", r));
        into.put("listVerificationDocuments", r -> {
            require(Resource.LEGACY_VERIFICATION_GROUPS, "Verification group", r.path("id"));
            return ApiResponse.ok(Json.object("data", documentsOf(r.path("id"))));
        });
        into.put("uploadVerificationDocument", this::uploadDocument);
        into.put("deleteVerificationDocument", r -> {
            require(Resource.LEGACY_VERIFICATION_GROUPS, "Verification group", r.path("id"));
            ctx.collection(Resource.LEGACY_VERIFICATION_DOCUMENTS)
                    .remove(r.path("documentId"))
                    .orElseThrow(() -> notFound("Document " + r.path("documentId")));
            return ApiResponse.ok(Json.object().put("message", "Document deleted"));
        });
        into.put("listVerificationGroupAvailableNumbers", r -> {
            requireApprovedGroup(r.path("id"));
            return available(r, "local");
        });
        into.put("orderVerificationGroupNumber", r -> {
            ObjectNode group = requireApprovedGroup(r.path("id"));
            return order(r.object().get("phone_number").asText(), "local", group);
        });
        into.put("submitVerificationGroup", this::submitGroup);
        into.put("getUserProfile", r -> ApiResponse.ok(Json.object("data", user())));
        into.put("getUserProfileLegacy", r -> ApiResponse.ok(Json.object("data", user())));
        into.put("getUserProfileExtended", r -> {
            ObjectNode data = user();
            data.putObject("credits").put("balance", credits()).put("currency", "credits");
            return ApiResponse.ok(Json.object("data", data));
        });
        into.put(
                "queryKnowledgeBase",
                r -> ApiResponse.ok(Json.object()
                        .put("query", r.object().path("query").asText(""))
                        .set("results", Json.array())));
        into.put("createInstantAgent", r -> {
            ObjectNode agent = ctx.newResource(r.object(), true);
            MockContext.defaults(agent, Json.object().put("name", "Instant agent"));
            ctx.collection(Resource.LEGACY_ASSISTANTS).insert(agent);
            return ApiResponse.created(
                    Json.object().put("message", "Agent created").set("data", MockContext.present(agent)));
        });
        into.put("generateFaqs", r -> ApiResponse.ok(Json.object("data", Json.object("faqs", Json.array()))));
    }

    private void crud(Map<String, Handler> into, String name, Resource collection, String label, boolean withUpdate) {
        into.put("list" + name + "s", r -> list(collection, r));
        into.put("create" + name, r -> create(collection, label, r));
        into.put("get" + name, r -> get(collection, label, r));
        if (withUpdate) {
            into.put("update" + name, r -> update(collection, label, r));
        }
        into.put("delete" + name, r -> delete(collection, label, r));
    }

    static ApiError notFound(String what) {
        return ApiError.notFound(what + " not found");
    }

    private ObjectNode require(Resource collection, String label, String id) {
        return ctx.collection(collection).get(id).orElseThrow(() -> notFound(label + " " + id));
    }

    private ApiResponse list(Resource collection, ApiRequest r) {
        return ApiResponse.ok(
                Pages.page(Json.object(), "data", ctx.collection(collection).list(), r, 20, "meta"));
    }

    private ApiResponse get(Resource collection, String label, ApiRequest r) {
        return ApiResponse.ok(Json.object("data", MockContext.present(require(collection, label, r.path("id")))));
    }

    private ApiResponse create(Resource collection, String label, ApiRequest r) {
        ObjectNode item = ctx.newResource(r.object(), true);
        ctx.collection(collection).insert(item);
        return ApiResponse.created(
                Json.object().put("message", label + " created").set("data", MockContext.present(item)));
    }

    private ApiResponse update(Resource collection, String label, ApiRequest r) {
        ObjectNode updated = ctx.collection(collection)
                .update(r.path("id"), i -> ctx.merge(i, r.object()))
                .orElseThrow(() -> notFound(label + " " + r.path("id")));
        return ApiResponse.ok(
                Json.object().put("message", label + " updated").set("data", MockContext.present(updated)));
    }

    private ApiResponse delete(Resource collection, String label, ApiRequest r) {
        ctx.collection(collection).remove(r.path("id")).orElseThrow(() -> notFound(label + " " + r.path("id")));
        return ApiResponse.ok(Json.object().put("message", label + " deleted"));
    }

    private long credits() {
        return user().path("credits").asLong();
    }

    private ObjectNode user() {
        JsonNode stored = ctx.state()
                .updateSingleton(
                        Singleton.LEGACY_USER,
                        current -> current != null
                                ? current
                                : Json.object()
                                        .put("id", MockContext.uuid())
                                        .put("email", "demo@example.com")
                                        .put("name", "Demo")
                                        .put("credits", DEFAULT_CREDITS));
        return stored.deepCopy();
    }

    private ApiResponse directCall(ApiRequest r) {
        if (credits() <= 0) {
            throw new ApiError(402, "insufficient_credits", "Not enough credits to start a call", null);
        }
        ObjectNode call = ctx.newResource(r.object(), true);
        call.put("status", "queued");
        ctx.collection(Resource.LEGACY_CALLS).insert(call);
        return ApiResponse.created(Json.object().put("message", "Call started").set("data", MockContext.present(call)));
    }

    private ApiResponse injectMessage(ApiRequest r) {
        String callId = r.object().get("call_id").asText();
        ctx.collection(Resource.LEGACY_CALLS)
                .update(callId, c -> {
                    c.withArray("injected_messages")
                            .add(r.object().get("message").asText());
                    return c;
                })
                .orElseThrow(() -> notFound("Call " + callId));
        return ApiResponse.ok(Json.object().put("message", "Message injected").put("call_id", callId));
    }

    private ObjectNode linkedNumber(String assistantId) {
        return ctx
                .collection(Resource.LEGACY_PHONE_NUMBERS)
                .list(n -> assistantId.equals(n.path("_assistant_id").asText()))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static ObjectNode linkView(ObjectNode number) {
        return Json.object()
                .put("id", number.get("id").asText())
                .put("number", number.get("phone_number").asText())
                .put("type", number.path("number_type").asText("national"))
                .put("locality", number.path("locality").asText(null))
                .put("origin", "custom");
    }

    private ApiResponse assistantNumber(ApiRequest r) {
        ObjectNode assistant = require(Resource.LEGACY_ASSISTANTS, "Assistant", r.path("id"));
        ObjectNode number = linkedNumber(r.path("id"));
        ObjectNode data = Json.object()
                .put("assistant_id", r.path("id"))
                .put("assistant_name", assistant.path("name").asText(null));
        data.set(
                "phone_number",
                number == null ? com.fasterxml.jackson.databind.node.NullNode.instance : linkView(number));
        return ApiResponse.ok(Json.object("data", data));
    }

    private synchronized ApiResponse link(ApiRequest r) {
        require(Resource.LEGACY_ASSISTANTS, "Assistant", r.path("id"));
        String numberId = r.object().get("phone_number_id").asText();
        ObjectNode number = require(Resource.LEGACY_PHONE_NUMBERS, "Phone number", numberId);
        String owner = number.path("_assistant_id").asText(null);
        if (r.path("id").equals(owner)) {
            throw legacyBadRequest("already_linked", "Phone number is already linked to this assistant");
        }
        if (owner != null) {
            throw legacyBadRequest("already_in_use", "Phone number is linked to another assistant");
        }
        ObjectNode previous = linkedNumber(r.path("id"));
        if (previous != null) {
            ctx.collection(Resource.LEGACY_PHONE_NUMBERS)
                    .update(previous.get("id").asText(), n -> {
                        n.remove("_assistant_id");
                        return n;
                    });
        }
        ObjectNode linked = ctx.collection(Resource.LEGACY_PHONE_NUMBERS)
                .update(numberId, n -> n.put("_assistant_id", r.path("id")))
                .orElseThrow();
        ObjectNode data = Json.object().put("assistant_id", r.path("id"));
        ObjectNode view = linkView(linked);
        view.remove("origin");
        data.set("phone_number", view);
        data.put(
                "previous_phone_number_id",
                previous == null ? null : previous.get("id").asText());
        data.put("released_assistants", 0);
        return ApiResponse.ok(
                Json.object().put("message", "Phone number linked successfully").set("data", data));
    }

    private synchronized ApiResponse unlink(ApiRequest r) {
        require(Resource.LEGACY_ASSISTANTS, "Assistant", r.path("id"));
        ObjectNode number = linkedNumber(r.path("id"));
        if (number == null) {
            throw legacyBadRequest("no_phone_number", "The assistant has no linked phone number");
        }
        ctx.collection(Resource.LEGACY_PHONE_NUMBERS).update(number.get("id").asText(), n -> {
            n.remove("_assistant_id");
            return n;
        });
        ObjectNode data = Json.object().put("assistant_id", r.path("id"));
        data.set(
                "unlinked_phone_number",
                Json.object()
                        .put("id", number.get("id").asText())
                        .put("number", number.get("phone_number").asText()));
        return ApiResponse.ok(Json.object()
                .put("message", "Phone number unlinked successfully")
                .set("data", data));
    }

    static ApiError legacyBadRequest(String code, String message) {
        return new ApiError(400, code, message, null);
    }

    private ObjectNode presentNumber(ObjectNode number) {
        ObjectNode out = MockContext.present(number);
        String assistantId = number.path("_assistant_id").asText(null);
        ObjectNode assistant = assistantId == null
                ? null
                : ctx.collection(Resource.LEGACY_ASSISTANTS).get(assistantId).orElse(null);
        out.set(
                "linked_assistant",
                assistant == null
                        ? com.fasterxml.jackson.databind.node.NullNode.instance
                        : Json.object()
                                .put("id", assistantId)
                                .put("name", assistant.path("name").asText("")));
        out.put("available", assistant == null);
        return out;
    }

    private ApiResponse listNumbers(ApiRequest r) {
        List<ObjectNode> numbers = ctx.collection(Resource.LEGACY_PHONE_NUMBERS).list().stream()
                .map(this::presentNumber)
                .toList();
        ObjectNode out = Pages.page(Json.object(), "data", numbers, r, 20, "meta");
        if (!"false".equals(r.query("include_default"))) {
            out.putArray("shared_numbers")
                    .add(Json.object()
                            .put("id", "00000000-0000-4000-8000-000000000001")
                            .put("phone_number", "+31850001234")
                            .putNull("locality")
                            .put("number_type", "national"));
        }
        return ApiResponse.ok(out);
    }

    private synchronized ApiResponse order(String phone, String type, ObjectNode group) {
        long credits = credits();
        if (credits < NUMBER_PRICE) {
            throw new ApiError(
                    402,
                    "insufficient_credits",
                    "Ordering a number costs " + NUMBER_PRICE + " credits; you have " + credits,
                    null);
        }
        if (ctx.collection(Resource.LEGACY_PHONE_NUMBERS)
                .any(n -> phone.equals(n.path("phone_number").asText()))) {
            throw legacyBadRequest("already_in_use", "Phone number " + phone + " is already in use");
        }
        ctx.state()
                .updateSingleton(
                        Singleton.LEGACY_USER, u -> ((ObjectNode) u.deepCopy()).put("credits", credits - NUMBER_PRICE));
        ObjectNode order = ctx.newResource(null, false);
        order.remove("created_at");
        order.put("phone_number", phone)
                .put("status", "success")
                .put("number_type", type)
                .put("requirements_met", true)
                .put("ordered_at", ctx.timestamp());
        if (group != null) {
            order.set(
                    "verification_group",
                    Json.object()
                            .put("id", group.get("id").asText())
                            .put("name", group.path("name").asText(null))
                            .put("locality", group.path("locality").asText(null)));
        }
        ctx.collection(Resource.LEGACY_PHONE_NUMBER_ORDERS).insert(order);
        ObjectNode number = ctx.newResource(null, false);
        number.put("phone_number", phone)
                .put("number_type", type)
                .put("locality", group == null ? null : group.path("locality").asText(null));
        ctx.collection(Resource.LEGACY_PHONE_NUMBERS).insert(number);
        ObjectNode data = Json.object()
                .put("order_id", order.get("id").asText())
                .put("phone_number", phone)
                .put("number_type", type)
                .put("status", "pending")
                .put("credits_used", NUMBER_PRICE)
                .put("remaining_credits", credits - NUMBER_PRICE);
        if (group != null) {
            data.set(
                    "verification_group",
                    Json.object()
                            .put("id", group.get("id").asText())
                            .put("name", group.path("name").asText(null)));
        }
        return ApiResponse.created(
                Json.object().put("message", "Phone number ordered").set("data", data));
    }

    private ApiResponse available(ApiRequest r, String type) {
        int limit = r.queryInt("limit", 20);
        String prefix = switch (type) {
            case "mobile" -> "+316";
            case "local" -> "+3120";
            default -> "+3185";
        };
        ArrayNode data = Json.array();
        while (data.size() < Math.min(limit, 10)) {
            String phone =
                    prefix + String.format("%0" + (12 - prefix.length()) + "d", numberSequence.incrementAndGet());
            // The counter starts again with the process; a restored state may already own the number.
            if (ctx.collection(Resource.LEGACY_PHONE_NUMBERS)
                    .any(n -> phone.equals(n.path("phone_number").asText()))) {
                continue;
            }
            ObjectNode n = Json.object()
                    .put("phone_number", phone)
                    .put("number_type", type)
                    .put("locality", type.equals("local") ? "Amsterdam" : null)
                    .put("reservable", true);
            n.putArray("features").add("voice");
            n.putObject("cost").put("monthly", "2.50").put("currency", "EUR").put("credits", NUMBER_PRICE);
            data.add(n);
        }
        ObjectNode meta = Json.object()
                .put("total_results", data.size())
                .put("number_type", type)
                .put("requires_verification", type.equals("local"));
        return ApiResponse.ok(Json.object("data", data).set("meta", meta));
    }

    private ApiResponse createGroup(ApiRequest r) {
        ObjectNode group = ctx.newResource(r.object(), false);
        group.put("status", "pending");
        group.put("locality", r.object().path("city").asText(null));
        ctx.collection(Resource.LEGACY_VERIFICATION_GROUPS).insert(group);
        return ApiResponse.created(Json.object()
                .put("message", "Verification group created")
                .set(
                        "data",
                        Json.object()
                                .put("requirement_group_id", group.get("id").asText())));
    }

    private ArrayNode documentsOf(String groupId) {
        ArrayNode docs = Json.array();
        ctx.collection(Resource.LEGACY_VERIFICATION_DOCUMENTS)
                .list(d -> groupId.equals(d.path("_group_id").asText()))
                .forEach(d -> docs.add(MockContext.present(d)));
        return docs;
    }

    private ApiResponse groupDetail(ApiRequest r) {
        ObjectNode detail =
                MockContext.present(require(Resource.LEGACY_VERIFICATION_GROUPS, "Verification group", r.path("id")));
        detail.set("documents", documentsOf(r.path("id")));
        ArrayNode numbers = detail.putArray("phone_numbers");
        ctx.collection(Resource.LEGACY_PHONE_NUMBER_ORDERS)
                .list(o -> r.path("id")
                        .equals(o.path("verification_group").path("id").asText()))
                .forEach(o -> numbers.add(Json.object()
                        .put("id", o.get("id").asText())
                        .put("phone_number", o.get("phone_number").asText())
                        .put("status", "active")));
        return ApiResponse.ok(Json.object("data", detail));
    }

    /** Multipart uploads are not parsed: the document is recorded as received and pending review. */
    private ApiResponse uploadDocument(ApiRequest r) {
        require(Resource.LEGACY_VERIFICATION_GROUPS, "Verification group", r.path("id"));
        ObjectNode doc = Json.object()
                .put("id", "doc_" + MockContext.randomToken(8))
                .put("type", "proof_of_address")
                .put("status", "pending")
                .put("_group_id", r.path("id"));
        ctx.collection(Resource.LEGACY_VERIFICATION_DOCUMENTS).insert(doc);
        return ApiResponse.created(
                Json.object().put("message", "Document uploaded").set("data", MockContext.present(doc)));
    }

    /** The mock's reviewers approve at once, so a submitted group can order local numbers right away. */
    private ApiResponse submitGroup(ApiRequest r) {
        ObjectNode group = ctx.collection(Resource.LEGACY_VERIFICATION_GROUPS)
                .update(r.path("id"), g -> g.put("status", "approved"))
                .orElseThrow(() -> notFound("Verification group " + r.path("id")));
        return ApiResponse.ok(
                Json.object().put("message", "Verification group submitted").set("data", MockContext.present(group)));
    }

    private ObjectNode requireApprovedGroup(String id) {
        ObjectNode group = require(Resource.LEGACY_VERIFICATION_GROUPS, "Verification group", id);
        if (!"approved".equals(group.path("status").asText())) {
            throw legacyBadRequest(
                    "invalid_status",
                    "Verification group " + id + " is " + group.path("status").asText() + ", not approved");
        }
        return group;
    }
}
