package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.calls.Calls;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** The organization of the key: {@code /account}, {@code /organizations}, {@code /usage}, {@code /voices}, health. */
final class AccountHandlers {

    private final MockContext ctx;

    AccountHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    void register(Map<String, Handler> into) {
        into.put("getAccount", r -> ApiResponse.ok(account()));
        into.put("getOrganization", this::organization);
        into.put("createOrganization", this::createOrganization);
        into.put("updateOrganization", this::retention);
        into.put("getHealth", r -> ApiResponse.ok(Json.object().put("status", "ok")));
        into.put("getUsage", this::usage);
        into.put("listVoices", r -> ApiResponse.ok(Json.object("voices", Catalogue.voices())));
    }

    private ObjectNode account() {
        ObjectNode org = MockContext.present(Organization.record(ctx));
        org.put("minutes_balance", (long) Math.floor(org.path("minutes_balance").asDouble()));
        addCounts(org);
        return org;
    }

    private void addCounts(ObjectNode org) {
        ZonedDateTime now = ctx.now().atZone(ZoneOffset.UTC);
        String monthStart = Json.timestamp(
                now.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
        long monthly =
                ctx
                        .collection(Resource.USAGE)
                        .list(u -> u.path("created_at").asText().compareTo(monthStart) >= 0)
                        .stream()
                        .mapToLong(u -> u.path("minutes_used").asLong())
                        .sum();
        org.put("monthly_usage_minutes", monthly);
        org.put(
                "active_numbers",
                ctx.collection(Resource.NUMBERS)
                        .list(n -> n.path("is_active").asBoolean(true))
                        .size());
        org.put(
                "active_agents",
                ctx.collection(Resource.ASSISTANTS)
                        .list(a -> a.path("is_active").asBoolean(true))
                        .size());
        org.put(
                "active_calls",
                ctx.collection(Resource.CALLS).list(Calls::isLive).size());
    }

    private ApiResponse organization(ApiRequest request) {
        ObjectNode stored = Organization.record(ctx);
        ObjectNode org = Json.object();
        org.put("id", stored.get("id").asText());
        org.put("name", stored.path("name").asText());
        org.set("minutes_balance", stored.get("minutes_balance"));
        addCounts(org);
        org.remove("email");
        org.put("has_local_models_access", false);
        org.putNull("parent_org_id");
        if ("true".equals(request.query("include_children"))) {
            org.putArray("children");
            ctx.collection(Resource.ORGANIZATIONS)
                    .list()
                    .forEach(child -> org.withArray("children")
                            .add(Json.object()
                                    .put("id", child.get("id").asText())
                                    .put("name", child.get("name").asText())
                                    .put("created_at", child.get("created_at").asText())));
        }
        return ApiResponse.ok(org);
    }

    private ApiResponse createOrganization(ApiRequest request) {
        if (ctx.collection(Resource.ORGANIZATIONS)
                .any(o -> o.path("api_key").asText().equals(request.apiKey()))) {
            throw new ApiError(403, "forbidden", "Only parent organizations can create organizations", null);
        }
        ObjectNode org = ctx.newResource(request.object(), false);
        if (!org.hasNonNull("parent_org_id")) {
            org.put("parent_org_id", Organization.record(ctx).get("id").asText());
        }
        org.put("api_key", "fl_live_" + MockContext.randomToken(32));
        ctx.collection(Resource.ORGANIZATIONS).insert(org);
        return ApiResponse.created(MockContext.present(org));
    }

    private ApiResponse retention(ApiRequest request) {
        ObjectNode body = request.object();
        if (body.get("content_retention_days").asInt()
                > body.get("metadata_retention_days").asInt()) {
            throw ApiError.badRequest(
                    "invalid_request",
                    "content_retention_days cannot be longer than metadata_retention_days",
                    "content_retention_days");
        }
        ctx.state().putSingleton(Singleton.RETENTION, body.deepCopy());
        return ApiResponse.ok(body.deepCopy());
    }

    private ApiResponse usage(ApiRequest request) {
        List<ObjectNode> logs =
                new java.util.ArrayList<>(ctx.collection(Resource.USAGE).list(u -> Pages.inDateRange(u, request)));
        java.util.Collections.reverse(logs);
        List<ObjectNode> shown = logs.stream().map(AccountHandlers::usageLog).toList();
        ObjectNode out = Pages.page(Json.object(), "logs", shown, request, 100, "pagination");
        long minutes =
                logs.stream().mapToLong(u -> u.path("minutes_used").asLong()).sum();
        double cost = logs.stream().mapToDouble(u -> u.path("cost").asDouble()).sum();
        ObjectNode summary = out.putObject("summary");
        summary.put("total_calls", logs.size());
        summary.put(
                "total_duration_seconds",
                shown.stream().mapToLong(u -> u.path("duration_sec").asLong()).sum());
        summary.put("total_duration_minutes", minutes);
        summary.put("total_cost", Math.round(cost * 100) / 100.0);
        return ApiResponse.ok(out);
    }

    /**
     * A usage log in the shape SDK v2.2.0 reads; logs of state files written before that shape name the duration
     * {@code duration_seconds} and carry a {@code number_id}.
     */
    private static ObjectNode usageLog(ObjectNode stored) {
        ObjectNode log = Json.object();
        log.set("id", stored.get("id"));
        log.put(
                "duration_sec",
                stored.has("duration_sec")
                        ? stored.get("duration_sec").asLong()
                        : stored.path("duration_seconds").asLong());
        log.put("call_type", stored.path("call_type").asText("phone"));
        for (String field : new String[] {"phone_number", "agent_name", "business_name"}) {
            log.set(
                    field,
                    stored.hasNonNull(field)
                            ? stored.get(field)
                            : com.fasterxml.jackson.databind.node.NullNode.instance);
        }
        for (String field : new String[] {"call_id", "minutes_used", "cost"}) {
            if (stored.has(field)) {
                log.set(field, stored.get(field));
            }
        }
        log.set("created_at", stored.get("created_at"));
        return log;
    }
}
