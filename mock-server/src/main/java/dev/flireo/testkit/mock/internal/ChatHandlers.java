package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code /chats}: text chats with an assistant, deprecated in the platform's published OpenAPI bundle. No source
 * shows their bodies, so the shapes are the kit's own (marked inferred in the spec) and the assistant's answer is a
 * fixed acknowledgement: enough for a client that still lists, sends, inspects and deletes chats.
 */
final class ChatHandlers {

    private final MockContext ctx;

    ChatHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    void register(Map<String, Handler> into) {
        into.put("listChats", this::list);
        into.put("sendChatMessage", this::send);
        into.put("getChatContext", this::context);
        into.put("deleteChat", r -> {
            ctx.collection(Resource.CHATS)
                    .remove(r.path("id"))
                    .orElseThrow(() -> ApiError.notFound("Chat " + r.path("id")));
            return ApiResponse.ok(Json.object().put("success", true));
        });
    }

    private ApiResponse list(ApiRequest request) {
        String assistantId = request.query("assistant_id");
        List<ObjectNode> chats = new ArrayList<>(ctx.collection(Resource.CHATS)
                .list(c -> assistantId == null
                        || assistantId.equals(c.path("assistant_id").asText())));
        Collections.reverse(chats);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("chats");
        chats.forEach(c -> items.add(MockContext.present(c)));
        return ApiResponse.ok(out);
    }

    private ApiResponse send(ApiRequest request) {
        ObjectNode body = request.object();
        ObjectNode assistant =
                AssistantHandlers.require(ctx, body.get("assistant_id").asText());
        String text = body.get("message").asText();
        ObjectNode user = Json.object().put("role", "user").put("content", text);
        ObjectNode reply = Json.object()
                .put("role", "assistant")
                .put("content", assistant.path("name").asText() + " received: " + text);
        if (body.hasNonNull("chat_id")) {
            String id = body.get("chat_id").asText();
            requireOf(id, assistant);
            ObjectNode chat = ctx.collection(Resource.CHATS)
                    .update(id, c -> {
                        c.withArray("messages").add(user).add(reply);
                        return ctx.merge(c, Json.object());
                    })
                    .orElseThrow(() -> ApiError.notFound("Chat " + id));
            return ApiResponse.ok(Json.object("chat", MockContext.present(chat)));
        }
        ObjectNode chat = ctx.newResource(
                Json.object().put("assistant_id", assistant.get("id").asText()), true);
        chat.putArray("messages").add(user).add(reply);
        ctx.collection(Resource.CHATS).insert(chat);
        return ApiResponse.ok(Json.object("chat", MockContext.present(chat)));
    }

    /** What the assistant sees: its own prompt messages, then the chat so far (the chat names its assistant). */
    private ApiResponse context(ApiRequest request) {
        String chatId = request.query("chat_id");
        String assistantId = request.query("assistant_id");
        if (assistantId == null && chatId == null) {
            throw ApiError.missingField("assistant_id");
        }
        if (assistantId == null) {
            assistantId = ctx.collection(Resource.CHATS)
                    .get(chatId)
                    .orElseThrow(() -> ApiError.notFound("Chat " + chatId))
                    .get("assistant_id")
                    .asText();
        }
        ObjectNode assistant = AssistantHandlers.require(ctx, assistantId);
        ObjectNode out =
                Json.object().put("assistant_id", assistant.get("id").asText()).put("chat_id", chatId);
        ArrayNode messages = out.putArray("messages");
        assistant.path("llm_config").path("messages").forEach(m -> messages.add(m.deepCopy()));
        if (chatId != null) {
            requireOf(chatId, assistant).path("messages").forEach(m -> messages.add(m.deepCopy()));
        }
        return ApiResponse.ok(out);
    }

    private ObjectNode requireOf(String chatId, JsonNode assistant) {
        return ctx.collection(Resource.CHATS)
                .get(chatId)
                .filter(c -> c.path("assistant_id")
                        .asText()
                        .equals(assistant.get("id").asText()))
                .orElseThrow(() -> ApiError.notFound("Chat " + chatId + " of assistant "
                        + assistant.get("id").asText()));
    }
}
