package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/** What an ended call records: status, reason, times, duration and, when it talked, transcript, summary, analysis. */
final class Ending {

    private Ending() {}

    static void finish(ObjectNode c, String status, String reason, String error, String at) {
        c.put("status", status);
        c.put("end_reason", reason);
        if (error != null) {
            c.put("error", error);
        }
        c.put("ended_at", at);
        c.put("updated_at", at);
        long seconds = c.hasNonNull("started_at")
                ? Math.max(
                        0,
                        Duration.between(Instant.parse(c.get("started_at").asText()), Instant.parse(at))
                                .toSeconds())
                : 0;
        c.put("duration_seconds", seconds);
        if (seconds > 0) {
            StoredCall.say(c, "user", "Dank u wel, dat was alles.");
            c.put("summary", summary(c, seconds));
            c.set("analysis_result", Analysis.sample(StoredCall.analysisSchema(c)));
        }
    }

    private static String summary(ObjectNode call, long seconds) {
        // caller_phone is the customer in both directions.
        boolean outbound = call.path("direction").asText().equals("outbound");
        int commands = StoredCall.commandCount(call);
        return (outbound ? "Outbound call to " : "Inbound call from ")
                + call.path("caller_phone").asText()
                + " handled by " + call.path("agent_name").asText("the assistant") + "; lasted " + seconds + " s"
                + (commands > 0 ? " with " + commands + " control command(s)" : "") + "; ended: "
                + call.path("end_reason").asText() + ".";
    }
}
