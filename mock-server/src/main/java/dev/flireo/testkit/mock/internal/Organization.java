package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The organization of the mock's key: one stored record, created with the documented example values on first use. */
public final class Organization {

    /** Prepaid minutes of a new organization: the documented example balance. */
    public static final int DEFAULT_MINUTES_BALANCE = 500;

    private Organization() {}

    /** The stored organization record, created on first use. */
    public static ObjectNode record(MockContext ctx) {
        return (ObjectNode) ctx.state().updateSingleton(Singleton.ACCOUNT, current -> {
            if (current != null) {
                return current;
            }
            ObjectNode org = Json.object();
            org.put("id", MockContext.uuid());
            org.put("name", "Flireo Testkit Demo");
            org.put("company_name", "Flireo Testkit Demo");
            org.put("email", "demo@example.com");
            org.put("minutes_balance", DEFAULT_MINUTES_BALANCE);
            return org;
        });
    }

    public static String id(MockContext ctx) {
        return record(ctx).get("id").asText();
    }
}
