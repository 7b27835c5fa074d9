package dev.flireo.testkit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.flireo.testkit.contracts.internal.Contract;
import dev.flireo.testkit.contracts.internal.WebhookSchemas;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook contracts of one dialect: every event payload and every reply the integrator sends, checked against
 * the JSON Schemas of the bundled OpenAPI documents. Schemas are compiled once and shared; thread-safe.
 *
 * <pre>{@code
 * ValidationReport report = Contracts.of(Dialect.FLIREO).validateEvent(json);
 * ValidationReport reply = Contracts.of(Dialect.VOICEDOCK).validateReply(EventType.TOOL_CALLS, replyJson);
 * ValidationReport any = Contracts.validate(payload);   // dialect and event type detected
 * }</pre>
 */
public final class Contracts {

    /** The contract name of status-update and end-of-call-report replies. */
    public static final String IGNORED_REPLY = "any 2xx, body ignored";

    private static final Map<Dialect, Contracts> BY_DIALECT = new EnumMap<>(Dialect.class);

    static {
        for (Dialect dialect : Dialect.values()) {
            BY_DIALECT.put(dialect, new Contracts(dialect));
        }
    }

    private final Dialect dialect;
    private final SpecDocument document;
    private final Map<EventType, Contract> events = new ConcurrentHashMap<>();
    private final Map<EventType, Optional<Contract>> replies = new ConcurrentHashMap<>();

    private Contracts(Dialect dialect) {
        this.dialect = dialect;
        this.document = switch (dialect) {
            case FLIREO -> SpecDocument.FLIREO_API;
            case VOICEDOCK -> SpecDocument.VOICEDOCK_WEBHOOKS;
            case LEGACY -> SpecDocument.LEGACY_NL;
        };
    }

    public static Contracts of(Dialect dialect) {
        return BY_DIALECT.get(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Checks an event payload; the event type comes from {@code message.type} (legacy: {@code eventType}). */
    public ValidationReport validateEvent(JsonNode payload) {
        JsonNode body = payload == null ? MissingNode.getInstance() : payload;
        Optional<EventType> type = Payloads.eventType(dialect, body);
        if (type.isEmpty()) {
            return new ValidationReport(
                    dialect,
                    null,
                    document.fileName() + "#/webhooks",
                    List.of(Payloads.whyNoEventType(dialect, body)),
                    dialectHint(body));
        }
        Contract contract =
                events.computeIfAbsent(type.get(), t -> Contract.of(WebhookSchemas.event(document, t.wireName())));
        return check(contract, type.get(), body);
    }

    public ValidationReport validateEvent(String json) {
        return Payloads.parse(json)
                .map(this::validateEvent)
                .orElseGet(() -> new ValidationReport(
                        dialect, null, document.fileName() + "#/webhooks", List.of(Payloads.notJson(json)), List.of()));
    }

    /** Checks the integrator's reply to an event; status-update and end-of-call-report replies are never checked. */
    public ValidationReport validateReply(EventType type, JsonNode reply) {
        Optional<Contract> contract = replies.computeIfAbsent(
                type, t -> WebhookSchemas.reply(document, t.wireName()).map(Contract::of));
        if (contract.isEmpty()) {
            return new ValidationReport(dialect, type, IGNORED_REPLY, List.of(), List.of());
        }
        return check(contract.get(), type, reply == null ? MissingNode.getInstance() : reply);
    }

    public ValidationReport validateReply(EventType type, String json) {
        if (!type.replyUsed()) {
            return validateReply(type, (JsonNode) null);
        }
        return Payloads.parse(json)
                .map(reply -> validateReply(type, reply))
                .orElseGet(() -> new ValidationReport(
                        dialect, type, replyContractName(type), List.of(Payloads.notJson(json)), List.of()));
    }

    /** Recognises the dialect and event type of a webhook payload; empty for anything else (replies, REST bodies). */
    public static Optional<Detection> detect(JsonNode payload) {
        return Payloads.detect(payload);
    }

    /** Checks a webhook payload in the dialect and event type {@link #detect} finds; an error when it finds none. */
    public static ValidationReport validate(JsonNode payload) {
        Optional<Detection> detection = detect(payload);
        if (detection.isEmpty()) {
            return new ValidationReport(null, null, "webhooks", List.of(Payloads.undetectable(payload)), List.of());
        }
        return of(detection.get().dialect()).validateEvent(payload);
    }

    private ValidationReport check(Contract contract, EventType type, JsonNode body) {
        List<Violation> errors = body.isMissingNode() ? List.of(Payloads.noBody()) : contract.errors(body);
        List<Violation> warnings = new ArrayList<>(body.isMissingNode() ? List.of() : contract.warnings(body));
        if (!errors.isEmpty()) {
            warnings.addAll(dialectHint(body));
        }
        return new ValidationReport(dialect, type, contract.name(), errors, warnings);
    }

    // A payload checked against the wrong dialect fails on every renamed field; say so once.
    private List<Violation> dialectHint(JsonNode body) {
        return detect(body)
                .filter(found -> found.dialect() != dialect)
                .map(found -> List.of(new Violation(
                        Severity.WARNING,
                        "",
                        "dialect",
                        dialect.wireName(),
                        found.dialect().wireName(),
                        "this looks like a " + found.dialect().wireName() + " payload, checked against the "
                                + dialect.wireName() + " contract")))
                .orElse(List.of());
    }

    private String replyContractName(EventType type) {
        return WebhookSchemas.reply(document, type.wireName())
                .map(Object::toString)
                .orElse(IGNORED_REPLY);
    }
}
