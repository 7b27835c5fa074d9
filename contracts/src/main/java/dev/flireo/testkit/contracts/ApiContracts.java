package dev.flireo.testkit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.internal.AliasNormalizer;
import dev.flireo.testkit.contracts.internal.Contract;
import dev.flireo.testkit.contracts.internal.OperationIndex;
import dev.flireo.testkit.contracts.internal.OperationIndex.Operation;
import dev.flireo.testkit.contracts.internal.RequestRules;
import dev.flireo.testkit.contracts.internal.SchemaRef;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The REST contracts of a spec: request and response bodies by operationId, checked against the schemas of the
 * bundled OpenAPI document. Thread-safe.
 *
 * <p>Requests are judged as the platform accepts them, the one way the mock server, its proxy and
 * {@code flireo validate} all do: {@code x-aliases} spellings are renamed to the documented names first, the rules
 * a schema cannot express (a workflow's graph) apply too, and errors are worded as the API answers them
 * ({@code Missing required field: name}, {@code Invalid value for type: expected one of ...}), most relevant first.
 *
 * <pre>{@code
 * ValidationReport report = ApiContracts.flireo().validateRequest("createOutboundCall", body);
 * }</pre>
 */
public final class ApiContracts {

    /**
     * The {@link Violation#rule() rule} of a request's violation of a rule its schema cannot express (a workflow's
     * graph: unknown node ids, a tool node with two ways out); like a missing field, the API answers it with 400.
     */
    public static final String BODY_RULE = "rule";

    private static final ApiContracts FLIREO = new ApiContracts(Dialect.FLIREO, SpecDocument.FLIREO_API);
    private static final ApiContracts LEGACY = new ApiContracts(Dialect.LEGACY, SpecDocument.LEGACY_NL);

    private final Dialect dialect;
    private final SpecDocument document;

    private ApiContracts(Dialect dialect, SpecDocument document) {
        this.dialect = dialect;
        this.document = document;
    }

    /** The Flireo AI REST API under {@code /api/v1} ({@code flireo-api.yaml}). */
    public static ApiContracts flireo() {
        return FLIREO;
    }

    /** The legacy Dutch REST API under {@code /v1} ({@code flireo-legacy-nl.yaml}). */
    public static ApiContracts legacy() {
        return LEGACY;
    }

    /** The operationId a request line addresses, e.g. {@code ("POST", "/api/v1/calls/outbound")}. */
    public Optional<String> operationFor(String method, String path) {
        return index().match(method, path).map(Operation::operationId);
    }

    /**
     * Checks a request body (a copy of it, aliases renamed); {@code body} may be {@code null} for a request without
     * one. Warnings name what the body itself spells: undeclared fields, and alias spellings.
     */
    public ValidationReport validateRequest(String operationId, JsonNode body) {
        Operation op = operation(operationId);
        String label = operationId + " request";
        if (op.request().isEmpty()) {
            return unexpectedBody(
                    label,
                    body,
                    op.requestMediaTypes().isEmpty()
                            ? operationId + " takes no request body"
                            : operationId + " takes " + String.join(" or ", op.requestMediaTypes()) + ", not JSON");
        }
        Contract contract = Contract.of(op.request().get());
        String name = label + ": " + contract.name();
        if (body == null || body.isMissingNode()) {
            return new ValidationReport(dialect, null, name, List.of(Payloads.noBody()), List.of());
        }
        JsonNode normalized = normalizeRequest(operationId, body.deepCopy());
        return new ValidationReport(
                dialect, null, name, requestErrors(operationId, normalized), contract.warnings(body));
    }

    /**
     * Renames the {@code x-aliases} spellings of a request body to the documented names, in place, and returns it:
     * the platform accepts both. A no-op for an operation without a JSON body.
     */
    public JsonNode normalizeRequest(String operationId, JsonNode body) {
        operation(operationId).request().ifPresent(schema -> AliasNormalizer.normalize(schema, body));
        return body;
    }

    /**
     * The errors of a request body already {@link #normalizeRequest normalised}, worded as the API answers them and
     * most relevant first; no copy, no warnings (the mock server calls this for every request). Empty when valid
     * or when the operation takes no JSON body.
     */
    public List<Violation> requestErrors(String operationId, JsonNode body) {
        Operation op = operation(operationId);
        if (op.request().isEmpty() || body == null) {
            return List.of();
        }
        return Contract.of(op.request().get()).requestErrors(body, RequestRules.of(document, operationId, body));
    }

    /**
     * The problem of a path or query parameter's value, already typed as its schema says (a number for an
     * integer), worded {@code Invalid value for limit: ...}; empty when valid or undocumented.
     */
    public Optional<Violation> parameterError(String operationId, String name, JsonNode value) {
        SchemaRef schema = operation(operationId).parameters().get(name);
        return schema == null ? Optional.empty() : Contract.of(schema).parameterError(name, value);
    }

    /**
     * Compiles every request body and parameter schema now, so no request pays for it: a server calls this in the
     * background at start; anything else may leave it to the first use.
     */
    public void compileRequests() {
        for (String id : index().operationIds()) {
            Operation op = operation(id);
            op.request().ifPresent(Contract::of);
            op.parameters().values().forEach(Contract::of);
        }
    }

    /**
     * The errors of a value against a component schema ({@code #/components/schemas/<name>}), worded as the API
     * answers them: for what a request's body becomes, e.g. a tool template's configuration.
     */
    public List<Violation> componentErrors(String schemaName, JsonNode value) {
        return Contract.of(new SchemaRef(document, "/components/schemas/" + schemaName))
                .requestErrors(value, List.of());
    }

    /** Checks a response body for a status; an undocumented status is an error naming the documented ones. */
    public ValidationReport validateResponse(String operationId, int status, JsonNode body) {
        Operation op = operation(operationId);
        String label = operationId + " " + status + " response";
        Optional<Optional<SchemaRef>> documented = op.response(status);
        if (documented.isEmpty()) {
            return new ValidationReport(
                    dialect,
                    null,
                    label,
                    List.of(new Violation(
                            Severity.ERROR,
                            "",
                            "status",
                            "one of " + op.responses().keySet(),
                            Integer.toString(status),
                            "status " + status + " is not documented for " + operationId + "; documented: "
                                    + op.responses().keySet())),
                    List.of());
        }
        if (documented.get().isEmpty()) {
            return unexpectedBody(label, body, operationId + " documents no JSON body for status " + status);
        }
        return check(label, documented.get().get(), body);
    }

    private ValidationReport check(String label, SchemaRef schema, JsonNode body) {
        Contract contract = Contract.of(schema);
        String name = label + ": " + contract.name();
        if (body == null || body.isMissingNode()) {
            return new ValidationReport(dialect, null, name, List.of(Payloads.noBody()), List.of());
        }
        return new ValidationReport(dialect, null, name, contract.errors(body), contract.warnings(body));
    }

    // A body where none is documented is worth a warning, not a failure: clients and servers may add one.
    private ValidationReport unexpectedBody(String label, JsonNode body, String why) {
        List<Violation> warnings = new ArrayList<>();
        if (body != null && !body.isMissingNode() && !body.isNull()) {
            warnings.add(new Violation(
                    Severity.WARNING, "", "body", "no JSON body", "a body", why + "; the body is not checked"));
        }
        return new ValidationReport(dialect, null, label, List.of(), warnings);
    }

    private Operation operation(String operationId) {
        return index().byId(operationId)
                .orElseThrow(() -> new IllegalArgumentException("unknown operationId '" + operationId + "' in "
                        + document.fileName() + "; known: " + index().operationIds()));
    }

    private OperationIndex index() {
        return OperationIndex.of(document);
    }
}
