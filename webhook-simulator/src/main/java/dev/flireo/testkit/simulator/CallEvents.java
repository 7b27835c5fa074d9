package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.util.Objects;

/**
 * Renders the webhook payload the platform sends for one event of a call, in one dialect, as compact JSON bytes:
 * the nested {@code {"message":{...}}} envelope of Flireo (camelCase) and VoiceDock (snake_case), or the flat
 * legacy event. Field names and order follow the three OpenAPI documents of the {@code openapi} module.
 *
 * <pre>{@code
 * byte[] body = CallEvents.of(Dialect.FLIREO).render(EventType.STATUS_UPDATE, snapshot);
 * }</pre>
 *
 * Thread-safe and stateless; the same snapshot always renders to the same bytes.
 */
public final class CallEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Dialect dialect;

    private CallEvents(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    public static CallEvents of(Dialect dialect) {
        return new CallEvents(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The payload as a JSON tree, for callers that want to inspect or change it before sending. */
    public ObjectNode renderTree(EventType type, CallSnapshot call) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(call, "call");
        return dialect == Dialect.LEGACY
                ? LegacyEventWriter.write(type, call)
                : new NestedEventWriter(dialect).write(type, call);
    }

    /** The payload as the exact bytes sent on the wire (compact UTF-8 JSON). */
    public byte[] render(EventType type, CallSnapshot call) {
        try {
            return JSON.writeValueAsBytes(renderTree(type, call));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
