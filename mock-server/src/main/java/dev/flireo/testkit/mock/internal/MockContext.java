package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** What every handler shares: the state, the clock and the helpers for ids, timestamps and hidden fields. */
public final class MockContext {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Fields only the server sets on every resource; {@link ServerOwnedFields} drops the rest the spec names. */
    private static final java.util.Set<String> SERVER_SET = java.util.Set.of("id", "created_at", "updated_at");

    private final StateStore state;
    private final Supplier<Instant> clock;

    public MockContext(StateStore state, Supplier<Instant> clock) {
        this.state = state;
        this.clock = clock;
    }

    public StateStore state() {
        return state;
    }

    public StateStore.Collection collection(Resource name) {
        return state.collection(name);
    }

    public Instant now() {
        return clock.get();
    }

    public String timestamp() {
        return Json.timestamp(now());
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static String randomToken(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /**
     * A new resource: the body's fields and the server-set {@code id}, {@code created_at}, {@code updated_at}, which
     * a body never overrides (so a POST can neither reuse an id nor shadow a stored record).
     */
    public ObjectNode newResource(JsonNode body, boolean withUpdatedAt) {
        ObjectNode node = Json.object();
        node.put("id", uuid());
        if (body != null) {
            body.fields().forEachRemaining(f -> {
                if (!SERVER_SET.contains(f.getKey())) {
                    node.set(f.getKey(), f.getValue().deepCopy());
                }
            });
        }
        String now = timestamp();
        node.put("created_at", now);
        if (withUpdatedAt) {
            node.put("updated_at", now);
        }
        return node;
    }

    /** Copies the sent fields over the stored ones (a sent block replaces the stored block) and bumps updated_at. */
    public ObjectNode merge(ObjectNode stored, JsonNode changes) {
        changes.fields().forEachRemaining(f -> {
            if (!SERVER_SET.contains(f.getKey())) {
                stored.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        stored.put("updated_at", timestamp());
        return stored;
    }

    /** The resource as clients see it: fields starting with {@code _} are the mock's own and never leave it. */
    public static ObjectNode present(ObjectNode stored) {
        ObjectNode out = stored.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
            if (it.next().getKey().startsWith("_")) {
                it.remove();
            }
        }
        return out;
    }

    /** Sets every default the caller did not send. */
    public static void defaults(ObjectNode node, ObjectNode defaults) {
        defaults.fields().forEachRemaining(f -> {
            if (!node.has(f.getKey())) {
                node.set(f.getKey(), f.getValue().deepCopy());
            }
        });
    }
}
