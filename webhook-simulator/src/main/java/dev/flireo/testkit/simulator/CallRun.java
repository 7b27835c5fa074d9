package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plays one call of a scenario: walks its steps on a simulated clock, turns each event step into the call's state
 * at that moment, and lets the replies shape the rest of the call: a greeting set by the assistant-request reply is
 * what the agent says, its metadata is echoed in later events. {@link CallDeliveries} delivers the events (waiting
 * for each reply, as the platform does); {@link CallPacing} times the gaps between steps. When the run is stopped,
 * the steps the call did not reach are recorded as not sent.
 */
final class CallRun {

    private final RunContext run;
    private final ScenarioSpec spec;
    private final CallData data;
    private final Duration startOffset;
    private final Map<String, String> variables;
    private final List<ChatMessage> transcript = new ArrayList<>();
    private final CallPacing pacing;
    private final CallDeliveries deliveries;
    private final int duplicatedStatus;
    private CallSnapshot snapshot;
    private Instant clock;
    private Duration sinceLastDelivery = Duration.ZERO;
    private Instant answeredAt;
    private Instant endedAt;
    /** When the call was answered and ended as the payloads date them (on the run's clock). */
    private Instant answeredStamp;

    private Instant endedStamp;
    private String greeting;
    private int playedStatuses;
    /** The step being performed; the ones after it are what an interrupted call leaves unsent. */
    private volatile int reached = -1;

    private final AtomicBoolean ended = new AtomicBoolean();

    CallRun(RunContext run, ScenarioSpec spec, CallData data, Duration startOffset) {
        this.run = run;
        this.startOffset = startOffset;
        this.spec = spec;
        this.data = data;
        this.variables = data.variables();
        this.variables.put("reply.error", defaultRejection());
        this.pacing = new CallPacing(spec.callType(), data.random());
        this.deliveries = new CallDeliveries(run, data.index() + 1);
        this.clock = data.start();
        this.snapshot = CallSnapshot.start(
                data.callId(),
                spec.callType(),
                CallStatus.RINGING,
                data.businessNumber(),
                data.business(),
                data.customerNumber(),
                clock);
        long statuses =
                spec.steps().stream().filter(Step.Status.class::isInstance).count();
        this.duplicatedStatus = statuses == 0 ? -1 : data.random().nextInt((int) statuses);
    }

    CompletableFuture<Void> play() {
        return run.after(run.play(startOffset)).thenCompose(v -> next(0)).handle((v, failure) -> {
            if (failure != null && !run.stopping()) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            end();
            return null;
        });
    }

    /**
     * Records the call as far as it got; after an interruption, each step it did not reach as not sent. Once only:
     * the run calls it too when it stops waiting for a call whose delivery is still in flight.
     */
    void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (run.stopping()) {
            for (int i = reached + 1; i < spec.steps().size(); i++) {
                Step step = spec.steps().get(i);
                if (!(step instanceof Step.Say)) {
                    run.notSent(data.index() + 1, DeliveryLabels.of(step, run.dialect));
                }
            }
            String heldBack = deliveries.heldBackLabel();
            if (heldBack != null) {
                run.notSent(data.index() + 1, heldBack);
            }
        }
        run.record(new CallRecord(
                data.index() + 1, data, List.copyOf(transcript), snapshot.summary(), snapshot.analysis()));
    }

    /** Speaks the lines up to the next event step, waits the gap, sends it, and goes on after its reply. */
    private CompletableFuture<Void> next(int index) {
        for (int i = index; i < spec.steps().size(); i++) {
            Step step = spec.steps().get(i);
            Duration gap = step.after() != null ? step.after() : pacing.gapBefore(step, i);
            clock = clock.plus(gap);
            sinceLastDelivery = sinceLastDelivery.plus(gap);
            if (step instanceof Step.Say say) {
                speak(say);
                continue;
            }
            pacing.eventSent();
            Duration wait = run.play(sinceLastDelivery);
            sinceLastDelivery = Duration.ZERO;
            int current = i;
            return run.after(wait)
                    .thenCompose(v -> {
                        reached = current;
                        return perform(step);
                    })
                    .thenCompose(v -> next(current + 1));
        }
        return deliveries.finish();
    }

    private CompletableFuture<Void> perform(Step step) {
        if (step instanceof Step.AssistantRequest request) {
            return assistantRequest(request);
        }
        if (step instanceof Step.ToolCalls tools) {
            return toolCalls(tools);
        }
        if (step instanceof Step.Status status) {
            return status(status);
        }
        return report((Step.Report) step);
    }

    private CompletableFuture<Void> assistantRequest(Step.AssistantRequest step) {
        snapshot = snapshot.withStatus(CallStatus.RINGING, clock);
        CallDeliveries.Event event = dated(snapshot);
        return deliveries
                .send(EventType.ASSISTANT_REQUEST, event, "assistant-request")
                .thenAccept(delivery -> {
                    Delivery judged =
                            delivery.withVerdict(Expectations.assistantRequest(step.expect(), delivery, run.dialect));
                    JsonNode reply = Expectations.replyObject(delivery);
                    if (reply != null && delivery.passed()) {
                        applyReply(reply);
                    }
                    deliveries.record(judged, "assistant-request", null, false, event.simulated());
                });
    }

    /** What the platform takes from an accepted assistant-request reply for the rest of the call. */
    private void applyReply(JsonNode reply) {
        greeting = AssistantReply.greeting(reply);
        String rejection = AssistantReply.rejection(reply);
        variables.put("reply.error", rejection != null ? rejection : defaultRejection());
        ObjectNode metadata = AssistantReply.metadata(reply);
        if (metadata != null) {
            snapshot = snapshot.withMetadata(metadata.deepCopy());
        }
    }

    private CompletableFuture<Void> toolCalls(Step.ToolCalls step) {
        List<ToolCall> calls = new ArrayList<>();
        for (Step.ToolSpec tool : step.tools()) {
            calls.add(new ToolCall(data.toolCallId(run.dialect == Dialect.LEGACY), tool.name(), (ObjectNode)
                    Templates.fill(tool.arguments(), variables)));
        }
        CallSnapshot event = snapshot.withStatus(CallStatus.IN_PROGRESS, clock).withToolCalls(calls);
        String label =
                DeliveryLabels.toolCalls(calls.stream().map(ToolCall::name).toList());
        return deliveries.deliver(EventType.TOOL_CALLS, dated(event), label);
    }

    private CompletableFuture<Void> status(Step.Status step) {
        snapshot = snapshot.withStatus(step.status(), clock).withToolCalls(List.of());
        if (step.status() == CallStatus.IN_PROGRESS && answeredAt == null) {
            answeredAt = clock;
        }
        boolean ends = step.status() == CallStatus.ENDED || step.status() == CallStatus.ENDED_WITH_ERROR;
        if (ends) {
            endedAt = clock;
            snapshot = snapshot.withEnd(step.error() == null ? null : text(step.error()), step.reason());
        }
        CallDeliveries.Event event = dated(snapshot);
        if (step.status() == CallStatus.IN_PROGRESS && answeredStamp == null) {
            answeredStamp = event.payload().timestamp();
        }
        if (ends) {
            endedStamp = event.payload().timestamp();
        }
        String label = DeliveryLabels.status(snapshot.status(), snapshot.endedReason(), run.dialect);
        int statusNumber = playedStatuses++;
        if (ends && run.chaos.contains(Chaos.OUT_OF_ORDER) && reportFollows()) {
            deliveries.holdBack(event, label);
            return CompletableFuture.completedFuture(null);
        }
        if (statusNumber == 0 && run.chaos.contains(Chaos.SLOW)) {
            deliveries.deliverLate(
                    event, label, Duration.ofMillis(15_000 + data.random().nextInt(10_000)));
            return CompletableFuture.completedFuture(null);
        }
        boolean duplicate = run.chaos.contains(Chaos.DUPLICATE) && statusNumber == duplicatedStatus;
        return deliveries.deliverMaybeTwice(EventType.STATUS_UPDATE, event, label, duplicate);
    }

    private CompletableFuture<Void> report(Step.Report step) {
        double seconds = answeredAt == null
                ? 0
                : Duration.between(answeredAt, endedAt != null ? endedAt : clock)
                                .toMillis()
                        / 1000.0;
        JsonNode analysis = step.analysis().get(data.language());
        snapshot = snapshot.withStatus(
                        snapshot.status() == CallStatus.ENDED_WITH_ERROR
                                ? CallStatus.ENDED_WITH_ERROR
                                : CallStatus.ENDED,
                        clock)
                .withMessages(transcript)
                .withReport(
                        seconds,
                        text(step.summary()),
                        analysis == null ? null : (ObjectNode) Templates.fill(analysis, variables))
                .withTimes(answeredStamp, endedStamp);
        return deliveries.deliverMaybeTwice(
                EventType.END_OF_CALL_REPORT,
                dated(snapshot),
                "end-of-call-report",
                run.chaos.contains(Chaos.DUPLICATE));
    }

    /**
     * The event as it goes out now: dated by the run's clock (the time of sending, as the platform dates it), while
     * the call keeps its simulated time for the report's timeline.
     */
    private CallDeliveries.Event dated(CallSnapshot event) {
        return new CallDeliveries.Event(
                event.withStatus(event.status(), run.clock.stamp(event.timestamp())), event.timestamp());
    }

    private void speak(Step.Say say) {
        String line = say.greeting() && greeting != null ? greeting : text(say.text());
        transcript.add(new ChatMessage(say.role(), line));
        pacing.spoke(line);
    }

    private String text(Text text) {
        return Templates.fill(text.in(data.language()), variables);
    }

    private String defaultRejection() {
        return data.language().equals("nl")
                ? "Sorry, we kunnen uw gesprek nu niet aannemen."
                : "Sorry, we cannot take your call right now.";
    }

    private boolean reportFollows() {
        return spec.steps().stream().anyMatch(Step.Report.class::isInstance);
    }
}
