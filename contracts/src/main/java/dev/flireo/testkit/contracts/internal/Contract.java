package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.flireo.testkit.contracts.Violation;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One compiled contract: a schema of the bundled specs, checked by the networknt JSON Schema validator (draft
 * 2020-12, formats asserted) for errors and walked by {@link UnknownFields} for warnings. Compiled once per
 * schema and shared; thread-safe.
 */
public final class Contract {

    /** Draft 2020-12 plus OpenAPI's own keywords ({@code x-source}, {@code example}, ...) as plain annotations. */
    private static final JsonMetaSchema OPENAPI_DIALECT = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
            .build();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            // The documents' IRIs end in .yaml, so the "YAML" mapper reads them; they are served as JSON.
            builder -> builder.metaSchema(OPENAPI_DIALECT)
                    .yamlMapper(new com.fasterxml.jackson.databind.ObjectMapper())
                    .schemaLoaders(loaders -> loaders.add(new SpecSchemaLoader())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<SchemaRef, Contract> COMPILED = new ConcurrentHashMap<>();
    /** Every reference asked for, resolved or not, to its contract: spares {@link SchemaRef#target()} on each use. */
    private static final Map<SchemaRef, Contract> BY_REF = new ConcurrentHashMap<>();

    private static final Map<SpecDocument, JsonSchema> DOCUMENTS = new EnumMap<>(SpecDocument.class);

    private final SchemaRef ref;
    private final JsonSchema schema;
    private final FieldModel model;

    private Contract(SchemaRef ref) {
        this.ref = ref;
        this.schema = document(ref.document())
                .getSubSchema(SchemaLocation.of(ref.iri()).getFragment());
        this.schema.initializeValidators();
        this.model = FieldModel.of(ref);
    }

    /** The compiled contract for a schema, compiled on first use; a look-up once known (the mock asks per request). */
    public static Contract of(SchemaRef ref) {
        Contract known = BY_REF.get(ref);
        if (known != null) {
            return known;
        }
        Contract compiled = COMPILED.computeIfAbsent(ref.target(), Contract::new);
        BY_REF.put(ref, compiled);
        return compiled;
    }

    // The validator re-reads a document for every fragment it is asked for; a spec takes 0.3 s to parse, so each is
    // loaded once, whole, and its schemas taken from it.
    private static synchronized JsonSchema document(SpecDocument doc) {
        return DOCUMENTS.computeIfAbsent(
                doc, d -> FACTORY.getSchema(SchemaLocation.of(new SchemaRef(d, "").iri()), CONFIG));
    }

    /** {@code flireo-api.yaml#/components/schemas/EndOfCallReportEvent}. */
    public String name() {
        return ref.toString();
    }

    /** What the contract says about each place of a payload; used to explain and to generate test mutations. */
    public FieldModel model() {
        return model;
    }

    public List<Violation> errors(JsonNode value) {
        return ViolationMapper.errors(schema.validate(value), ref, value);
    }

    /**
     * The errors in the REST API's wording (the mock's answers), most relevant first, one per field, with the
     * problems of {@code extra} rules (a workflow's graph) among them.
     */
    public List<Violation> requestErrors(JsonNode value, List<RequestProblem> extra) {
        var messages = schema.validate(value);
        if (messages.isEmpty() && extra.isEmpty()) {
            return List.of();
        }
        List<RequestProblem> problems = new ArrayList<>(messages.size() + extra.size());
        messages.forEach(m -> problems.add(RequestProblem.of(m)));
        problems.addAll(extra);
        return RelevantProblems.of(problems).stream()
                .map(RequestProblem::violation)
                .toList();
    }

    /** The first problem of a request parameter's value, worded {@code Invalid value for limit: ...}. */
    public java.util.Optional<Violation> parameterError(String name, JsonNode value) {
        var messages = schema.validate(value);
        if (messages.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<RequestProblem> problems = new ArrayList<>();
        messages.forEach(m -> problems.add(RequestProblem.of(m)));
        return java.util.Optional.of(RelevantProblems.first(problems).parameterViolation(name));
    }

    public List<Violation> warnings(JsonNode value) {
        List<Violation> warnings = new ArrayList<>();
        UnknownFields.scan(value, model, "", warnings);
        return warnings;
    }
}
