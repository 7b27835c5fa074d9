package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.mock.internal.ApiError;
import dev.flireo.testkit.mock.internal.Deliveries;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The home of calls: every call is placed, moved on the clock, controlled, ended and billed here, whoever asks (the
 * REST handlers, the campaign runner, the admin and Java APIs), and sends its webhooks from here. Reads go through
 * it too, so a call is always seen as the clock says it is.
 */
public final class Calls {

    private final MockContext ctx;
    private final Webhooks webhooks;
    private final Lifecycle lifecycle;
    private final OutboundCalls outbound;
    private final InboundCalls inbound;

    /** {@code webhookDialect}: the payload dialect of every live call's webhooks (flireo or voicedock). */
    public Calls(MockContext ctx, Deliveries deliveries, Dialect webhookDialect) {
        this.ctx = ctx;
        this.webhooks = new Webhooks(ctx, deliveries, webhookDialect);
        this.lifecycle = new Lifecycle(ctx, webhooks);
        this.outbound = new OutboundCalls(ctx, lifecycle);
        this.inbound = new InboundCalls(ctx, lifecycle, webhooks);
    }

    public static boolean isLive(ObjectNode call) {
        return StoredCall.isLive(call);
    }

    /** How the next outbound call ends (a queue: one outcome per call). */
    public void queueOutcome(Outcome outcome) {
        outbound.queueOutcome(outcome);
    }

    /** Work that follows the calls on the same clock (the campaign runner). */
    public void afterTick(Consumer<Instant> work) {
        lifecycle.afterTick(work);
    }

    /** Applies every transition that is due on the mock clock. Called by a timer, on clock advances and reads. */
    public void tick() {
        lifecycle.tick();
    }

    /** The call, as the clock says it is now; 404 when there is none. */
    public ObjectNode get(String id) {
        tick();
        return ctx.collection(Resource.CALLS).get(id).orElseThrow(() -> ApiError.notFound("Call " + id));
    }

    /** The calls {@code filter} accepts, oldest first, as the clock says they are now. */
    public List<ObjectNode> list(Predicate<ObjectNode> filter) {
        tick();
        return ctx.collection(Resource.CALLS).list(filter);
    }

    /** An outbound call as a valid {@code CreateOutboundCallRequest} asks for; 404, 400 or 402 when it cannot be. */
    public ObjectNode placeOutbound(ObjectNode request) {
        return outbound.place(request);
    }

    /** A campaign's call to one lead; empty while it cannot start (no active number, no credit). */
    public Optional<ObjectNode> placeForCampaign(
            ObjectNode agent, String destination, String systemMessage, ObjectNode metadata) {
        return outbound.placeForCampaign(agent, destination, systemMessage, metadata);
    }

    /** An inbound call from {@code customer} to a registered number (its id or phone number). */
    public ObjectNode startInbound(String numberRef, String customer, Integer talkSeconds) {
        return inbound.start(numberRef, customer, talkSeconds);
    }

    /** The call if it is in progress: control commands need one (400 {@code call_not_active} otherwise). */
    public ObjectNode requireInProgress(String id) {
        ObjectNode call = get(id);
        if (!"in-progress".equals(call.path("status").asText())) {
            throw ApiError.badRequest(
                    "call_not_active",
                    "Call " + id + " is not in progress (status: "
                            + call.path("status").asText() + "); commands need an in-progress call",
                    "id");
        }
        return call;
    }

    /** Applies a control command to a call in progress: logged with the call, spoken, or ending it. */
    public void control(String id, ObjectNode command) {
        String type = command.get("type").asText();
        Instant now = ctx.now();
        ctx.collection(Resource.CALLS).update(id, c -> {
            StoredCall.logCommand(c, command.deepCopy().put("at", Json.timestamp(now)));
            if (type.equals("say") || (command.hasNonNull("message") && !type.equals("inject-context"))) {
                StoredCall.say(
                        c,
                        "assistant",
                        type.equals("say")
                                ? command.get("content").asText()
                                : command.get("message").asText());
            }
            return c;
        });
        switch (type) {
            case "end-call" -> end(id, "ended", "api_end_call", null, now);
            case "transfer" -> end(id, "transferred", "transferred", null, now);
            case "say" -> {
                if (command.path("end_after").asBoolean(false)) {
                    end(id, "ended", "api_end_call", null, now);
                }
            }
            default -> {}
        }
    }

    /** Ends a live call once and bills it; false when it was no longer live. */
    public boolean end(String id, String status, String reason, String error, Instant at) {
        return lifecycle.end(id, status, reason, error, at);
    }

    /**
     * Takes on the live calls of a state that was loaded (a state file, a seed, {@code PUT /__flireo/state}), so
     * they go on through their lifecycle. The reply to an assistant-request this mock did not send can never come:
     * such a call goes on with the saved assistant, as after the platform's 5 s timeout.
     */
    public void adopt() {
        for (ObjectNode call : ctx.collection(Resource.CALLS).list()) {
            if (lifecycle.follow(call) && LiveCall.awaitingReply(call)) {
                ctx.collection(Resource.CALLS).update(StoredCall.id(call), c -> {
                    LiveCall.awaitReply(c, false);
                    StoredCall.noteAssistantRequest(c, "fallback: no reply before the mock restarted");
                    return c;
                });
            }
        }
    }

    /**
     * Shutting down: calls stop moving (no new webhooks), and the deliveries already queued get up to
     * {@code timeout} to finish.
     *
     * @return the deliveries that did not finish in time
     */
    public List<String> stop(Duration timeout) {
        lifecycle.halt();
        return webhooks.awaitIdle(timeout);
    }
}
