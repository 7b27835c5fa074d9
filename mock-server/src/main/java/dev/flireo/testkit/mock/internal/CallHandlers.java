package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.calls.Calls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /calls}: history, outbound calls and control of calls in progress, answered by {@link Calls}. */
final class CallHandlers {

    private static final List<String> DETAIL_ONLY =
            List.of("messages", "analysis_result", "agent_id", "number_id", "phone_number");

    private final Calls calls;
    private final RateLimiter controlLimiter;
    private final BooleanSupplier enforceLimits;

    CallHandlers(MockContext ctx, Calls calls, BooleanSupplier enforceLimits) {
        this.calls = calls;
        this.controlLimiter = new RateLimiter(10, ctx::now);
        this.enforceLimits = enforceLimits;
    }

    void register(Map<String, Handler> into) {
        into.put("listCalls", this::list);
        into.put("getCall", r -> ApiResponse.ok(MockContext.present(calls.get(r.path("id")))));
        into.put("createOutboundCall", this::outbound);
        into.put("controlCall", this::control);
    }

    private ApiResponse list(ApiRequest request) {
        String status = request.query("status");
        List<ObjectNode> found = new ArrayList<>(calls.list(
                c -> (status == null || status.equals(c.path("status").asText())) && Pages.inDateRange(c, request)));
        Collections.reverse(found); // newest first
        ObjectNode out = Pages.page(Json.object(), "calls", found, request, 100, "pagination");
        // List items are Calls; the transcript, analysis and links belong to the CallDetail of GET /calls/{id}.
        out.withArray("calls").forEach(c -> ((ObjectNode) c).remove(DETAIL_ONLY));
        return ApiResponse.ok(out);
    }

    private ApiResponse outbound(ApiRequest request) {
        ObjectNode call = calls.placeOutbound(request.object());
        return ApiResponse.ok(Json.object()
                .put("success", true)
                .put("call_id", call.get("id").asText())
                .put("room_name", call.get("room_name").asText())
                .put("status", "dialing"));
    }

    private ApiResponse control(ApiRequest request) {
        String id = request.path("id");
        calls.requireInProgress(id);
        RateLimiter.Usage usage = controlLimiter.count(id);
        if (enforceLimits.getAsBoolean() && usage.exceeded()) {
            throw ApiError.rateLimited(usage.retryAfterSeconds());
        }
        calls.control(id, request.object());
        return ApiResponse.ok(Json.object().put("success", true).put("message", "Command sent successfully"));
    }
}
