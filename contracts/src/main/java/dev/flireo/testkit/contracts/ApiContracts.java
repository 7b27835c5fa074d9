package dev.flireo.testkit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.internal.Contract;
import dev.flireo.testkit.contracts.internal.OperationIndex;
import dev.flireo.testkit.contracts.internal.OperationIndex.Operation;
import dev.flireo.testkit.contracts.internal.SchemaRef;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The REST contracts of a spec: request and response bodies by operationId, checked against the schemas of the
 * bundled OpenAPI document. Thread-safe.
 *
 * <pre>{@code
 * ValidationReport report = ApiContracts.flireo().validateRequest("createOutboundCall", body);
 * }</pre>
 */
public final class ApiContracts {

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

    /** Checks a request body; {@code body} may be {@code null} for a request without one. */
    public ValidationReport validateRequest(String operationId, JsonNode body) {
        Operation op = operation(operationId);
        String label = operationId + " request";
        if (op.request().isEmpty()) {
            return unexpectedBody(label, body, op.requestMediaTypes().isEmpty()
                    ? operationId + " takes no request body"
                    : operationId + " takes " + String.join(" or ", op.requestMediaTypes()) + ", not JSON");
        }
        return check(label, op.request().get(), body);
    }

    /** Checks a response body for a status; an undocumented status is an error naming the documented ones. */
    public ValidationReport validateResponse(String operationId, int status, JsonNode body) {
        Operation op = operation(operationId);
        String label = operationId + " " + status + " response";
        Optional<Optional<SchemaRef>> documented = op.response(status);
        if (documented.isEmpty()) {
            return new ValidationReport(dialect, null, label, List.of(new Violation(Severity.ERROR, "", "status",
                    "one of " + op.responses().keySet(), Integer.toString(status), "status " + status
                            + " is not documented for " + operationId + "; documented: " + op.responses().keySet())),
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
            warnings.add(new Violation(Severity.WARNING, "", "body", "no JSON body", "a body", why
                    + "; the body is not checked"));
        }
        return new ValidationReport(dialect, null, label, List.of(), warnings);
    }

    private Operation operation(String operationId) {
        return index().byId(operationId).orElseThrow(() -> new IllegalArgumentException("unknown operationId '"
                + operationId + "' in " + document.fileName() + "; known: " + index().operationIds()));
    }

    private OperationIndex index() {
        return OperationIndex.of(document);
    }
}
