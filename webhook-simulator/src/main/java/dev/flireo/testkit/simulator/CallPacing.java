package dev.flireo.testkit.simulator;

import java.time.Duration;
import java.util.SplittableRandom;

/** Realistic pauses: people speak about 2.6 words a second; rings, tools and summaries take their time. */
final class CallPacing {

    private static final double SECONDS_PER_WORD = 0.38;

    private final CallType callType;
    private final SplittableRandom random;
    private double lastUtteranceSeconds;

    CallPacing(CallType callType, SplittableRandom random) {
        this.callType = callType;
        this.random = random;
    }

    /** The natural gap before step {@code index}; the first step of a call starts at once. */
    Duration gapBefore(Step step, int index) {
        if (index == 0) {
            return Duration.ZERO;
        }
        double seconds;
        if (step instanceof Step.Say || step instanceof Step.ToolCalls) {
            seconds = lastUtteranceSeconds + between(0.4, 1.2);
        } else if (step instanceof Step.Status status) {
            seconds = switch (status.status()) {
                case RINGING -> between(0.2, 0.6);
                case IN_PROGRESS ->
                    callType == CallType.OUTBOUND
                            ? between(4, 14)
                            : callType == CallType.WEB ? between(0.5, 1.5) : between(1.5, 4);
                default -> lastUtteranceSeconds + between(0.5, 2.0);
            };
        } else if (step instanceof Step.Report) {
            seconds = between(2.5, 8);
        } else {
            seconds = between(0.1, 0.5);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** Someone said {@code line}: the next step waits until it has been spoken. */
    void spoke(String line) {
        lastUtteranceSeconds = words(line) * SECONDS_PER_WORD;
    }

    /** An event was sent: what was said before it no longer delays the next step. */
    void eventSent() {
        lastUtteranceSeconds = 0;
    }

    private double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    private static int words(String line) {
        return line.isBlank() ? 0 : line.strip().split("\\s+").length;
    }
}
