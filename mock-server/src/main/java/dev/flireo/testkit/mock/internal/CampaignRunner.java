package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.calls.Calls;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the leads of scheduled campaigns, as the platform does: inside the daily window (in the campaign's time
 * zone), one lead at a time, with the system message filled from the lead's variables. A lead ends completed or
 * failed with its call; when every lead is done the campaign is completed.
 */
final class CampaignRunner {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final MockContext ctx;
    private final Calls calls;

    CampaignRunner(MockContext ctx, Calls calls) {
        this.ctx = ctx;
        this.calls = calls;
    }

    void tick(Instant now) {
        for (ObjectNode campaign : ctx.collection(Resource.CAMPAIGNS)
                .list(c -> "scheduled".equals(c.path("status").asText()))) {
            String id = campaign.get("id").asText();
            List<ObjectNode> leads = ctx.collection(Resource.LEADS)
                    .list(l -> id.equals(l.path("campaign_id").asText()));
            leads.stream()
                    .filter(l -> "calling".equals(l.path("status").asText()))
                    .forEach(this::settle);
            leads = ctx.collection(Resource.LEADS)
                    .list(l -> id.equals(l.path("campaign_id").asText()));
            if (leads.stream().anyMatch(l -> "calling".equals(l.path("status").asText()))) {
                continue;
            }
            Optional<ObjectNode> next = leads.stream()
                    .filter(l -> "pending".equals(l.path("status").asText()))
                    .findFirst();
            if (next.isEmpty()) {
                ctx.collection(Resource.CAMPAIGNS)
                        .update(id, c -> c.put("status", "completed").put("updated_at", Json.timestamp(now)));
            } else if (inWindow(campaign, now)) {
                call(campaign, next.get(), now);
            }
        }
    }

    /** A lead whose call has ended takes the call's outcome. */
    private void settle(ObjectNode lead) {
        ObjectNode call = ctx.collection(Resource.CALLS)
                .get(lead.path("call_id").asText(null))
                .orElse(null);
        if (call != null && Calls.isLive(call)) {
            return;
        }
        // SDK v2.2.0's lead statuses have no no_answer: an unanswered call fails the lead like any other failure.
        String outcome = call != null
                        && Set.of("ended", "transferred")
                                .contains(call.path("status").asText())
                ? "completed"
                : "failed";
        ctx.collection(Resource.LEADS).update(lead.get("id").asText(), l -> l.put("status", outcome));
    }

    private void call(ObjectNode campaign, ObjectNode lead, Instant now) {
        ObjectNode agent = ctx.collection(Resource.ASSISTANTS)
                .get(campaign.path("agent_id").asText())
                .orElse(null);
        if (agent == null) {
            ctx.collection(Resource.LEADS).update(lead.get("id").asText(), l -> l.put("status", "failed"));
            return;
        }
        ObjectNode call = calls.placeForCampaign(
                        agent,
                        lead.get("phone_number").asText(),
                        fill(campaign.path("system_message_template").asText(""), lead.path("variables")),
                        Json.object()
                                .put("campaign_id", campaign.get("id").asText())
                                .put("lead_id", lead.get("id").asText()))
                .orElse(null);
        if (call == null) {
            return; // no number or no credit yet: the lead waits, as queued leads do
        }
        ctx.collection(Resource.LEADS)
                .update(
                        lead.get("id").asText(),
                        l -> l.put("status", "calling")
                                .put("call_id", call.get("id").asText())
                                .put("attempts", l.path("attempts").asInt() + 1)
                                .put("last_attempt_at", Json.timestamp(now)));
    }

    static String fill(String template, JsonNode variables) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.asText()));
        }
        return m.appendTail(out).toString();
    }

    private static boolean inWindow(ObjectNode campaign, Instant now) {
        ZoneId zone;
        try {
            zone = ZoneId.of(campaign.path("timezone").asText("Europe/Amsterdam"));
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        LocalTime local = now.atZone(zone).toLocalTime();
        LocalTime start = LocalTime.parse(campaign.path("schedule_start_time").asText("09:00:00"));
        LocalTime end = LocalTime.parse(campaign.path("schedule_end_time").asText("17:00:00"));
        return !local.isBefore(start) && local.isBefore(end);
    }
}
