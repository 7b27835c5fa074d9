package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
 * Plays one call of a scenario: walks its steps on a simulated clock, renders and delivers each event in order
 * (waiting for each reply, as the platform does), and lets the replies shape the rest of the call: a greeting set
 * by the assistant-request reply is what the agent says, its metadata is echoed in later events. When the run is
 * stopped, the steps the call did not reach are recorded as not sent.
 */
final class CallRun {

    private final RunContext run;
    private final ScenarioSpec spec;
    private final CallData data;
    private final Map<String, String> variables;
    private final List<ChatMessage> transcript = new ArrayList<>();
    private final List<CompletableFuture<Void>> late = new ArrayList<>();
    private final int duplicatedStatus;
    private CallSnapshot snapshot;
    private Instant clock;
    private Duration sinceLastDelivery = Duration.ZERO;
    private double lastUtteranceSeconds;
    private Instant answeredAt;
    private Instant endedAt;
    private String greeting;
    private CallSnapshot heldBackStatus;
    /** Opens when the call's next delivery is done, so a slow one is always overtaken by at least one event. */
    private CompletableFuture<Void> overtaken;
    private int playedStatuses;
    /** The step being performed; the ones after it are what an interrupted call leaves unsent. */
    private volatile int reached = -1;
    private final AtomicBoolean ended = new AtomicBoolean();

    private final Duration startOffset;

    CallRun(RunContext run, ScenarioSpec spec, CallData data, Duration startOffset) {
        this.run = run;
        this.startOffset = startOffset;
        this.spec = spec;
        this.data = data;
        this.variables = data.variables();
        this.variables.put("reply.error", defaultRejection());
        this.clock = data.start();
        this.snapshot = CallSnapshot.start(data.callId(), spec.callType(), CallStatus.RINGING, data.businessNumber(),
                data.business(), data.customerNumber(), clock);
        long statuses = spec.steps().stream().filter(Step.Status.class::isInstance).count();
        this.duplicatedStatus = statuses == 0 ? -1 : data.random().nextInt((int) statuses);
    }

    CompletableFuture<Void> play() {
        return run.after(run.play(startOffset))
                .thenCompose(v -> next(0))
                .thenCompose(v -> CompletableFuture.allOf(late.toArray(CompletableFuture[]::new)))
                .handle((v, failure) -> {
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
                    run.notSent(data.index() + 1, label(step));
                }
            }
            if (heldBackStatus != null) {
                run.notSent(data.index() + 1, statusLabel(heldBackStatus));
            }
        }
        run.record(new CallRecord(data.index() + 1, data, List.copyOf(transcript), snapshot.summary(),
                snapshot.analysis()));
    }

    /** The label a step's delivery gets, for a step that was never performed. */
    private String label(Step step) {
        if (step instanceof Step.AssistantRequest) {
            return "assistant-request";
        }
        if (step instanceof Step.ToolCalls tools) {
            return "tool-calls " + String.join(", ", tools.tools().stream().map(Step.ToolSpec::name).toList());
        }
        if (step instanceof Step.Status status) {
            boolean ends = status.status() == CallStatus.ENDED || status.status() == CallStatus.ENDED_WITH_ERROR;
            return "status-update " + status.status().wireName(run.dialect)
                    + (ends && status.reason() != null ? " (" + status.reason() + ")" : "");
        }
        return "end-of-call-report";
    }

    private CompletableFuture<Void> next(int index) {
        for (int i = index; i < spec.steps().size(); i++) {
            Step step = spec.steps().get(i);
            Duration gap = step.after() != null ? step.after() : naturalGap(step, i);
            clock = clock.plus(gap);
            sinceLastDelivery = sinceLastDelivery.plus(gap);
            if (step instanceof Step.Say say) {
                speak(say);
                continue;
            }
            lastUtteranceSeconds = 0;
            Duration wait = run.play(sinceLastDelivery);
            sinceLastDelivery = Duration.ZERO;
            int current = i;
            return run.after(wait).thenCompose(v -> {
                reached = current;
                return perform(step);
            }).thenCompose(v -> next(current + 1));
        }
        openOvertaken();
        if (heldBackStatus != null) {
            CallSnapshot held = heldBackStatus;
            heldBackStatus = null;
            return deliver(EventType.STATUS_UPDATE, held, statusLabel(held), "out-of-order").thenAccept(d -> { });
        }
        return CompletableFuture.completedFuture(null);
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
        return send(EventType.ASSISTANT_REQUEST, snapshot, "assistant-request").thenAccept(delivery -> {
            JsonNode reply = Expectations.replyObject(delivery);
            Delivery judged = delivery.withVerdict(Expectations.assistantRequest(step.expect(), delivery, run.dialect));
            if (reply != null && delivery.passed()) {
                greeting = AssistantReply.greeting(reply);
                String rejection = AssistantReply.rejection(reply);
                variables.put("reply.error", rejection != null ? rejection : defaultRejection());
                ObjectNode metadata = AssistantReply.metadata(reply);
                if (metadata != null) {
                    snapshot = snapshot.withMetadata(metadata.deepCopy());
                }
            }
            record(judged, "assistant-request", null, false, snapshot.timestamp());
        });
    }

    private CompletableFuture<Void> toolCalls(Step.ToolCalls step) {
        List<ToolCall> calls = new ArrayList<>();
        for (Step.ToolSpec tool : step.tools()) {
            calls.add(new ToolCall(data.toolCallId(run.dialect == Dialect.LEGACY), tool.name(),
                    (ObjectNode) fill(tool.arguments())));
        }
        CallSnapshot event = snapshot.withStatus(CallStatus.IN_PROGRESS, clock).withToolCalls(calls);
        String label = "tool-calls " + String.join(", ", calls.stream().map(ToolCall::name).toList());
        return deliver(EventType.TOOL_CALLS, event, label, null).thenAccept(d -> { });
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
        CallSnapshot event = snapshot;
        String label = statusLabel(event);
        int statusNumber = playedStatuses++;
        boolean first = statusNumber == 0;
        if (ends && run.chaos.contains(Chaos.OUT_OF_ORDER) && reportFollows()) {
            heldBackStatus = event;
            return CompletableFuture.completedFuture(null);
        }
        if (first && run.chaos.contains(Chaos.SLOW)) {
            Duration lateBy = Duration.ofMillis(15_000 + data.random().nextInt(10_000));
            overtaken = new CompletableFuture<>();
            late.add(run.after(run.play(lateBy)).thenCombine(overtaken, (a, b) -> b)
                    .thenCompose(v -> deliver(EventType.STATUS_UPDATE, event, label,
                            "slow, " + lateBy.toSeconds() + " s late")).thenAccept(d -> { }));
            return CompletableFuture.completedFuture(null);
        }
        boolean duplicate = run.chaos.contains(Chaos.DUPLICATE) && statusNumber == duplicatedStatus;
        return deliverMaybeTwice(EventType.STATUS_UPDATE, event, label, duplicate);
    }

    private CompletableFuture<Void> report(Step.Report step) {
        double seconds = answeredAt == null ? 0
                : Duration.between(answeredAt, endedAt != null ? endedAt : clock).toMillis() / 1000.0;
        JsonNode analysis = step.analysis().get(data.language());
        snapshot = snapshot.withStatus(snapshot.status() == CallStatus.ENDED_WITH_ERROR ? CallStatus.ENDED_WITH_ERROR
                        : CallStatus.ENDED, clock)
                .withMessages(transcript)
                .withReport(seconds, text(step.summary()), analysis == null ? null : (ObjectNode) fill(analysis));
        return deliverMaybeTwice(EventType.END_OF_CALL_REPORT, snapshot, "end-of-call-report",
                run.chaos.contains(Chaos.DUPLICATE));
    }

    private CompletableFuture<Void> deliverMaybeTwice(EventType type, CallSnapshot event, String label,
                                                      boolean twice) {
        CompletableFuture<Delivery> first = deliver(type, event, label, null);
        if (!twice) {
            return first.thenAccept(d -> { });
        }
        return first.thenCompose(d -> run.afterNextSecond(Duration.ZERO))
                .thenCompose(v -> deliver(type, event, label, "duplicate")).thenAccept(d -> { });
    }

    /** Sends, retries a failed notification when the retry chaos is on, and records every attempt. */
    private CompletableFuture<Delivery> deliver(EventType type, CallSnapshot event, String label, String note) {
        return attempt(type, event, label, note, 1);
    }

    private CompletableFuture<Delivery> attempt(EventType type, CallSnapshot event, String label, String note,
                                                int attempt) {
        boolean retryable = run.chaos.contains(Chaos.RETRY) && attempt < 3
                && (type == EventType.STATUS_UPDATE || type == EventType.END_OF_CALL_REPORT);
        String attemptNote = attempt == 1 ? note : join(note, "retry " + (attempt - 1));
        return send(type, event, label).thenCompose(delivery -> {
            if (!delivery.acknowledged() && retryable) {
                record(delivery, label, attemptNote, true, event.timestamp());
                Duration backOff = Duration.ofSeconds(5L * attempt);
                return run.afterNextSecond(run.play(backOff))
                        .thenCompose(v -> attempt(type, event, label, note, attempt + 1));
            }
            record(delivery, label, attemptNote, false, event.timestamp());
            openOvertaken();
            return CompletableFuture.completedFuture(delivery);
        });
    }

    private CompletableFuture<Delivery> send(EventType type, CallSnapshot event, String label) {
        try {
            run.sending(data.index() + 1, label);
        } catch (java.util.concurrent.CancellationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return run.sender.sendAsync(run.target, type, run.events.render(type, event));
    }

    private void record(Delivery delivery, String label, String note, boolean superseded, Instant eventTime) {
        run.record(new TimelineEntry(data.index() + 1, label, eventTime,
                run.elapsed().minus(delivery.latency()), delivery, note, superseded));
    }

    private void openOvertaken() {
        CompletableFuture<Void> gate = overtaken;
        if (gate != null && !gate.isDone()) {
            overtaken = null;
            gate.complete(null);
        }
    }

    private void speak(Step.Say say) {
        String line = say.greeting() && greeting != null ? greeting : text(say.text());
        transcript.add(new ChatMessage(say.role(), line));
        lastUtteranceSeconds = words(line) * 0.38;
    }

    /** Realistic pauses: people speak about 2.6 words a second; rings, tools and summaries take their time. */
    private Duration naturalGap(Step step, int index) {
        if (index == 0) {
            return Duration.ZERO;
        }
        double seconds;
        if (step instanceof Step.Say || step instanceof Step.ToolCalls) {
            seconds = lastUtteranceSeconds + between(0.4, 1.2);
        } else if (step instanceof Step.Status status) {
            seconds = switch (status.status()) {
                case RINGING -> between(0.2, 0.6);
                case IN_PROGRESS -> spec.callType() == CallType.OUTBOUND ? between(4, 14)
                        : spec.callType() == CallType.WEB ? between(0.5, 1.5) : between(1.5, 4);
                default -> lastUtteranceSeconds + between(0.5, 2.0);
            };
        } else if (step instanceof Step.Report) {
            seconds = between(2.5, 8);
        } else {
            seconds = between(0.1, 0.5);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private double between(double low, double high) {
        return low + data.random().nextDouble() * (high - low);
    }

    private String text(Text text) {
        return Templates.fill(text.in(data.language()), variables);
    }

    private JsonNode fill(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(Templates.fill(node.asText(), variables));
        }
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            ObjectNode object = (ObjectNode) copy;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, fill(object.get(name))));
        } else if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, fill(copy.get(i)));
            }
        }
        return copy;
    }

    private String defaultRejection() {
        return data.language().equals("nl") ? "Sorry, we kunnen uw gesprek nu niet aannemen."
                : "Sorry, we cannot take your call right now.";
    }

    private boolean reportFollows() {
        return spec.steps().stream().anyMatch(Step.Report.class::isInstance);
    }

    private String statusLabel(CallSnapshot event) {
        return "status-update " + event.status().wireName(run.dialect)
                + (event.endedReason() == null ? "" : " (" + event.endedReason() + ")");
    }

    private static int words(String line) {
        return line.isBlank() ? 0 : line.strip().split("\\s+").length;
    }

    private static String join(String note, String more) {
        return note == null ? more : note + ", " + more;
    }
}
