package dev.flireo.testkit.mock.internal.calls;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.Json;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.Organization;
import dev.flireo.testkit.mock.internal.Resource;
import dev.flireo.testkit.mock.internal.Singleton;
import java.util.function.DoubleUnaryOperator;

/**
 * Prepaid minutes and what calls cost, as the billing guide describes: EUR 0.07 per started minute, charged against
 * the organization's balance when a call ends, with one usage log per billed call.
 */
public final class Billing {

    static final double EUR_PER_MINUTE = 0.07;

    private Billing() {}

    public static double minutesBalance(MockContext ctx) {
        return Organization.record(ctx).path("minutes_balance").asDouble();
    }

    static boolean hasCredit(MockContext ctx) {
        return minutesBalance(ctx) > 0;
    }

    /** Replaces the prepaid balance (admin API and the Java API's credit control). */
    public static void setMinutesBalance(MockContext ctx, double minutes) {
        updateMinutesBalance(ctx, balance -> minutes);
    }

    /** Minutes billed for a talk: every started minute. */
    public static long billedMinutes(long seconds) {
        return (seconds + 59) / 60;
    }

    /** The price of billed minutes in euros, rounded to cents. */
    public static double cost(long minutes) {
        return Math.round(minutes * EUR_PER_MINUTE * 100) / 100.0;
    }

    /** A usage log for an ended call that talked, and the charge against the prepaid minutes. */
    static void book(MockContext ctx, ObjectNode call) {
        long seconds = call.path("duration_seconds").asLong();
        long minutes = billedMinutes(seconds);
        ObjectNode log = Json.object();
        log.put("id", MockContext.uuid());
        log.put("call_id", call.get("id").asText());
        log.put("duration_sec", seconds);
        log.put("minutes_used", minutes);
        log.put("cost", cost(minutes));
        log.put("call_type", "phone");
        log.set("phone_number", call.get("phone_number"));
        log.set("agent_name", call.get("agent_name"));
        log.set("business_name", call.get("business_name"));
        log.put("created_at", call.get("ended_at").asText());
        ctx.collection(Resource.USAGE).insert(log);
        // One atomic update: calls ending at once (on the clock and by control commands) must each be charged.
        updateMinutesBalance(ctx, balance -> balance - minutes);
    }

    private static void updateMinutesBalance(MockContext ctx, DoubleUnaryOperator change) {
        Organization.record(ctx);
        ctx.state().updateSingleton(Singleton.ACCOUNT, current -> {
            ObjectNode copy = current.deepCopy();
            double minutes =
                    change.applyAsDouble(current.path("minutes_balance").asDouble());
            if (minutes == Math.rint(minutes)) {
                copy.put("minutes_balance", (long) minutes);
            } else {
                copy.put("minutes_balance", minutes);
            }
            return copy;
        });
    }
}
