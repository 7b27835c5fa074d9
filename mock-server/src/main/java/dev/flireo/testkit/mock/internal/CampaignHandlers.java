package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** {@code /campaigns} and their leads, with the documented status transitions. */
final class CampaignHandlers {

    /** Allowed PATCH transitions (from the spec's table); re-sending the current status is a no-op. */
    private static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "draft", Set.of("scheduled", "cancelled"),
            "scheduled", Set.of("paused", "cancelled"),
            "paused", Set.of("scheduled", "cancelled"),
            "completed", Set.of(),
            "cancelled", Set.of());

    private final MockContext ctx;

    CampaignHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    void register(Map<String, Handler> into) {
        into.put("listCampaigns", r -> {
            ObjectNode out = Json.object();
            out.putArray("campaigns");
            ctx.collection(Resource.CAMPAIGNS)
                    .list()
                    .forEach(c -> out.withArray("campaigns").add(present(c)));
            return ApiResponse.ok(out);
        });
        into.put("createCampaign", this::create);
        into.put("getCampaign", r -> ApiResponse.ok(Json.object("campaign", present(require(r.path("id"))))));
        into.put("updateCampaign", this::update);
        into.put("deleteCampaign", r -> {
            String id = r.path("id");
            ctx.collection(Resource.CAMPAIGNS).remove(id).orElseThrow(() -> ApiError.notFound("Campaign " + id));
            ctx.collection(Resource.LEADS)
                    .list(l -> id.equals(l.path("campaign_id").asText()))
                    .forEach(l ->
                            ctx.collection(Resource.LEADS).remove(l.get("id").asText()));
            return ApiResponse.ok(Json.object().put("success", true));
        });
        into.put("listCampaignLeads", r -> {
            require(r.path("id"));
            // SDK v2.2.0 asks for all leads (no query); v1.0.1's limit and offset still page them.
            java.util.List<ObjectNode> leads = leadsOf(r.path("id"));
            return ApiResponse.ok(
                    Pages.page(Json.object(), "leads", leads, r, Math.max(leads.size(), 1), "pagination"));
        });
        into.put("addCampaignLead", r -> {
            require(r.path("id"));
            return ApiResponse.created(Json.object("lead", MockContext.present(addLead(r.path("id"), r.object()))));
        });
        into.put("removeCampaignLead", this::removeLead);
    }

    private ObjectNode require(String id) {
        return ctx.collection(Resource.CAMPAIGNS).get(id).orElseThrow(() -> ApiError.notFound("Campaign " + id));
    }

    private java.util.List<ObjectNode> leadsOf(String campaignId) {
        return ctx.collection(Resource.LEADS)
                .list(l -> campaignId.equals(l.path("campaign_id").asText()));
    }

    private ApiResponse create(ApiRequest request) {
        ObjectNode body = withFullTimes(request.object());
        String agentId = body.get("agent_id").asText();
        ObjectNode agent = ctx.collection(Resource.ASSISTANTS)
                .get(agentId)
                .orElseThrow(() -> ApiError.unprocessable("Unknown agent " + agentId + " in agent_id", "agent_id"));
        if (!agent.path("is_active").asBoolean(true)) {
            throw ApiError.unprocessable("Agent " + agentId + " is not active", "agent_id");
        }
        JsonNode leads = body.remove("leads");
        ObjectNode campaign = ctx.newResource(body, true);
        ObjectNode defaults = Json.object()
                .put("status", "draft")
                .putNull("system_message_template")
                .put("schedule_start_time", "09:00:00")
                .put("schedule_end_time", "17:00:00")
                .put("timezone", "Europe/Amsterdam");
        MockContext.defaults(campaign, defaults);
        ctx.collection(Resource.CAMPAIGNS).insert(campaign);
        if (leads != null) {
            leads.forEach(lead -> addLead(campaign.get("id").asText(), (ObjectNode) lead));
        }
        return ApiResponse.created(Json.object("campaign", present(campaign)));
    }

    private ApiResponse update(ApiRequest request) {
        String id = request.path("id");
        ObjectNode sent = withFullTimes(request.object());
        ObjectNode updated = ctx.collection(Resource.CAMPAIGNS)
                .update(id, c -> {
                    String from = c.get("status").asText();
                    if (from.equals("completed") || from.equals("cancelled")) {
                        throw ApiError.unprocessable("A " + from + " campaign can no longer be changed", "status");
                    }
                    String to = sent.path("status").asText(from);
                    if (!to.equals(from) && !TRANSITIONS.get(from).contains(to)) {
                        throw ApiError.unprocessable(
                                "Invalid status transition " + from + " -> " + to + "; allowed from " + from + ": "
                                        + new java.util.TreeSet<>(TRANSITIONS.get(from)),
                                "status");
                    }
                    return ctx.merge(c, sent);
                })
                .orElseThrow(() -> ApiError.notFound("Campaign " + id));
        if ("cancelled".equals(updated.path("status").asText())) {
            skipPending(id);
        }
        return ApiResponse.ok(Json.object("campaign", present(updated)));
    }

    /** Schedule times as SDK v2.2.0 reads them, {@code HH:MM:SS}; SDK v1.0.1's README sends {@code "09:00"}. */
    private static ObjectNode withFullTimes(ObjectNode sent) {
        ObjectNode body = sent.deepCopy();
        for (String field : new String[] {"schedule_start_time", "schedule_end_time"}) {
            if (body.path(field).asText().length() == 5) {
                body.put(field, body.get(field).asText() + ":00");
            }
        }
        return body;
    }

    /** A cancelled campaign calls no one any more: its leads still waiting are skipped. */
    private void skipPending(String campaignId) {
        leadsOf(campaignId).stream()
                .filter(l -> "pending".equals(l.path("status").asText()))
                .forEach(l ->
                        ctx.collection(Resource.LEADS).update(l.get("id").asText(), u -> u.put("status", "skipped")));
    }

    /**
     * A lead in the shape SDK v2.2.0 reads. SDK v1.0.1 also sent a {@code name}, which v2.2.0 dropped: it is kept as
     * the {@code name} variable (what a campaign template would use it for) unless that variable is set.
     */
    private ObjectNode addLead(String campaignId, ObjectNode sent) {
        ObjectNode body = sent.deepCopy();
        JsonNode name = body.remove("name");
        if (name != null && name.isTextual() && !body.path("variables").has("name")) {
            body.with("variables").put("name", name.asText());
        }
        String phone = body.get("phone_number").asText();
        ObjectNode lead = ctx.newResource(body, false);
        lead.put("campaign_id", campaignId);
        MockContext.defaults(
                lead,
                Json.object()
                        .put("status", "pending")
                        .putNull("call_id")
                        .put("attempts", 0)
                        .putNull("last_attempt_at"));
        if (!lead.has("variables")) {
            lead.putObject("variables");
        }
        synchronized (this) {
            if (leadsOf(campaignId).stream()
                    .anyMatch(l -> phone.equals(l.path("phone_number").asText()))) {
                throw ApiError.conflict(
                        "lead_exists", "Lead " + phone + " is already in this campaign", "phone_number");
            }
            ctx.collection(Resource.LEADS).insert(lead);
        }
        return lead;
    }

    private ApiResponse removeLead(ApiRequest request) {
        require(request.path("id"));
        String leadId = request.path("leadId");
        ObjectNode lead = ctx.collection(Resource.LEADS)
                .get(leadId)
                .filter(l -> request.path("id").equals(l.path("campaign_id").asText()))
                .orElseThrow(() -> ApiError.notFound("Lead " + leadId));
        if ("calling".equals(lead.path("status").asText())) {
            throw ApiError.conflict(
                    "lead_in_call", "Lead " + leadId + " is being called and cannot be removed", "leadId");
        }
        ctx.collection(Resource.LEADS).remove(leadId);
        return ApiResponse.ok(Json.object().put("success", true));
    }

    /** A campaign with its lead counters, computed from the leads. */
    private ObjectNode present(ObjectNode campaign) {
        ObjectNode out = MockContext.present(campaign);
        java.util.List<ObjectNode> leads = leadsOf(campaign.get("id").asText());
        out.put("total_leads", leads.size());
        out.put(
                "completed_leads",
                leads.stream()
                        .filter(l -> "completed".equals(l.path("status").asText()))
                        .count());
        out.put(
                "failed_leads",
                leads.stream()
                        .filter(l -> "failed".equals(l.path("status").asText()))
                        .count());
        return out;
    }
}
