package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.mock.internal.Deliveries;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.simulator.CallEvents;
import dev.flireo.testkit.simulator.CallSnapshot;
import dev.flireo.testkit.simulator.CallStatus;
import dev.flireo.testkit.simulator.CallType;
import dev.flireo.testkit.simulator.ChatMessage;
import dev.flireo.testkit.simulator.Delivery;
import dev.flireo.testkit.simulator.ToolCall;
import dev.flireo.testkit.simulator.WebhookSender;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The webhooks of live calls, sent with the webhook-simulator's engine (one engine, not two): {@link CallEvents}
 * renders each event in the chosen dialect (VoiceDock snake_case by default, the dialect of the REST API the mock
 * serves, or Flireo camelCase), {@link WebhookSender} signs and posts it exactly as the platform does
 * and its {@code ReplyJudge} gives the verdict. Events go to the assistant's {@code webhook_url} (a tool's own
 * {@code url} for its tool-calls), only those listed in {@code webhook_events} (all four when the list is unset),
 * signed with {@code webhook_secret}. The events of one call are sent one after the other, in lifecycle order.
 */
final class Webhooks {

    private final CallEvents events;
    private final Dialect dialect;
    private final MockContext ctx;
    private final Deliveries log;
    private final Map<String, WebhookSender> senders = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<?>> lastPerCall = new ConcurrentHashMap<>();
    /** Deliveries queued behind an earlier one of their call or on their way; equal entries are interchangeable. */
    private final Queue<String> unfinished = new ConcurrentLinkedQueue<>();

    Webhooks(MockContext ctx, Deliveries log, Dialect dialect) {
        if (dialect == Dialect.LEGACY) {
            throw new IllegalArgumentException("the mock's live calls send flireo or voicedock webhooks, not legacy: "
                    + "replay the legacy events with the simulator (flireo replay --dialect legacy)");
        }
        this.ctx = ctx;
        this.log = log;
        this.dialect = dialect;
        this.events = CallEvents.of(dialect);
    }

    /** A status-update for the call's new status; after an end, the end-of-call-report follows. */
    void statusChanged(ObjectNode call) {
        ObjectNode assistant = assistantOf(call);
        String status = call.path("status").asText();
        boolean ended = !StoredCall.LIVE.contains(status);
        CallSnapshot snapshot = snapshot(call);
        send(call, assistant, null, EventType.STATUS_UPDATE, snapshot);
        if (ended) {
            JsonNode analysis = call.get("analysis_result");
            // The REST call's own start and end: the report and GET /calls/{id} tell the same times.
            send(
                    call,
                    assistant,
                    null,
                    EventType.END_OF_CALL_REPORT,
                    snapshot.withReport(
                                    call.path("duration_seconds").asDouble(),
                                    call.path("summary").asText(""),
                                    analysis instanceof ObjectNode o ? o : null)
                            .withTimes(instant(call.get("started_at")), instant(call.get("ended_at"))));
            CompletableFuture<?> last = lastPerCall.get(call.get("id").asText());
            if (last != null) {
                last.whenComplete((r, e) -> lastPerCall.remove(call.get("id").asText(), last));
            }
        }
    }

    /**
     * One tool-calls event per target URL for the assistant's function tools, with arguments filled from each
     * tool's parameter schema; {@code onResults} gets each sync reply (async tools are fire-and-forget).
     */
    void toolsDue(ObjectNode call, Consumer<Delivery> onResults) {
        ObjectNode assistant = assistantOf(call);
        if (assistant == null) {
            return;
        }
        Map<String, List<ToolCall>> byUrl = new LinkedHashMap<>();
        Map<String, Boolean> allAsync = new LinkedHashMap<>();
        for (JsonNode sent : assistant.path("llm_config").path("tools")) {
            JsonNode tool = flat(sent);
            String type = tool.path("type").asText("function");
            if (!type.equals("function") || !tool.hasNonNull("name")) {
                continue;
            }
            String url = tool.hasNonNull("url")
                    ? tool.get("url").asText()
                    : assistant.path("webhook_url").asText(null);
            if (url == null) {
                continue;
            }
            JsonNode args = Analysis.sample(tool.path("parameters"));
            byUrl.computeIfAbsent(url, u -> new ArrayList<>())
                    .add(new ToolCall(
                            "tool_" + MockContext.randomToken(12),
                            tool.get("name").asText(),
                            args instanceof ObjectNode o ? o : Json.object()));
            allAsync.merge(url, tool.path("async").asBoolean(false), Boolean::logicalAnd);
        }
        byUrl.forEach((url, tools) -> {
            CompletableFuture<Delivery> sent = send(
                    call, assistant, url, EventType.TOOL_CALLS, snapshot(call).withToolCalls(tools));
            if (sent != null && !allAsync.get(url)) {
                sent.thenAccept(onResults);
            }
        });
    }

    /**
     * A function tool in the flat form: SDK v2.2.0 sends the nested OpenAI shape
     * ({@code {type, function: {name, description, parameters}, server: {url}}}), which the platform normalises.
     */
    private static JsonNode flat(JsonNode tool) {
        if (!tool.path("function").isObject()) {
            return tool;
        }
        ObjectNode flat = ((ObjectNode) tool.get("function")).deepCopy();
        flat.put("type", "function");
        if (tool.path("server").hasNonNull("url")) {
            flat.set("url", tool.get("server").get("url"));
        }
        if (tool.has("async")) {
            flat.set("async", tool.get("async"));
        }
        return flat;
    }

    /** The assistant-request of an inbound call; {@code onReply} gets the delivery (a timeout after 5 s included). */
    boolean assistantRequest(ObjectNode call, ObjectNode assistant, Consumer<Delivery> onReply) {
        CompletableFuture<Delivery> sent = send(
                call,
                assistant,
                null,
                EventType.ASSISTANT_REQUEST,
                snapshot(call)
                        .withStatus(
                                CallStatus.RINGING,
                                Instant.parse(call.get("created_at").asText())));
        if (sent == null) {
            return false;
        }
        sent.thenAccept(onReply);
        return true;
    }

    private CompletableFuture<Delivery> send(
            ObjectNode call, ObjectNode assistant, String url, EventType event, CallSnapshot snapshot) {
        String target = url != null
                ? url
                : assistant == null ? null : assistant.path("webhook_url").asText(null);
        if (target == null || target.isBlank() || assistant == null || !subscribed(assistant, event)) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] body = events.render(event, snapshot);
        String secret = assistant.path("webhook_secret").asText(null);
        WebhookSender sender = sender(secret);
        String callId = call.get("id").asText();
        String description = event.wireName() + " of call " + callId + " to " + uri;
        unfinished.add(description);
        long generation = log.generation();
        CompletableFuture<Delivery>[] result = new CompletableFuture[1];
        lastPerCall.compute(callId, (id, previous) -> {
            CompletableFuture<?> after = previous == null ? CompletableFuture.completedFuture(null) : previous;
            result[0] = after.handle((r, e) -> null)
                    .thenCompose(x -> sender.sendAsync(uri, event, body))
                    .thenApply(delivery -> {
                        log.add(generation, callId, delivery, secret);
                        return delivery;
                    });
            return result[0];
        });
        result[0].whenComplete((delivery, failure) -> unfinished.remove(description));
        return result[0];
    }

    /**
     * Waits up to {@code timeout} for every delivery queued or on its way to be made and logged.
     *
     * @return those still unfinished then, e.g. {@code end-of-call-report of call call-outbound-... to http://...}
     */
    List<String> awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!unfinished.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(unfinished);
    }

    private WebhookSender sender(String secret) {
        return senders.computeIfAbsent(
                secret == null ? "" : secret,
                s -> WebhookSender.builder()
                        .dialect(dialect)
                        .secret(s.isEmpty() ? null : s)
                        .build());
    }

    private static boolean subscribed(ObjectNode assistant, EventType event) {
        JsonNode events = assistant.get("webhook_events");
        if (events == null || events.isNull()) {
            return true;
        }
        for (JsonNode e : events) {
            if (e.asText().equals(event.wireName())) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(JsonNode time) {
        return time == null || !time.isTextual() ? null : Instant.parse(time.asText());
    }

    private ObjectNode assistantOf(ObjectNode call) {
        return StoredCall.assistant(ctx, call);
    }

    /** The call as the engine renders it: webhook call ids are UUIDs, unlike the REST ids. */
    private CallSnapshot snapshot(ObjectNode call) {
        String status = call.path("status").asText();
        CallStatus webhookStatus = switch (status) {
            case "ringing", "dialing", "connecting" -> CallStatus.RINGING;
            case "in-progress" -> CallStatus.IN_PROGRESS;
            case "ended-with-error" -> CallStatus.ENDED_WITH_ERROR;
            default -> CallStatus.ENDED;
        };
        Instant at = Instant.parse(
                call.path("updated_at").asText(call.get("created_at").asText()));
        CallSnapshot snapshot = CallSnapshot.start(
                StoredCall.webhookId(call),
                "inbound".equals(call.path("direction").asText()) ? CallType.INBOUND : CallType.OUTBOUND,
                webhookStatus,
                call.path("phone_number").asText(null),
                StoredCall.numberName(call),
                call.path("caller_phone").asText(null),
                at);
        List<ChatMessage> messages = new ArrayList<>();
        call.path("messages")
                .forEach(m -> messages.add(new ChatMessage(
                        m.path("role").asText(), m.path("content").asText())));
        snapshot = snapshot.withMessages(messages);
        if (!StoredCall.LIVE.contains(status)) {
            snapshot = snapshot.withEnd(
                    call.path("error").asText(null), call.path("end_reason").asText(null));
        }
        ObjectNode metadata = StoredCall.metadata(call);
        return metadata != null ? snapshot.withMetadata(metadata) : snapshot;
    }
}
