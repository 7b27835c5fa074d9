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
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OPENAPI_DIALECT)
                    .schemaLoaders(loaders -> loaders.add(new SpecSchemaLoader())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<SchemaRef, Contract> COMPILED = new ConcurrentHashMap<>();
    private static final Map<SpecDocument, JsonSchema> DOCUMENTS = new EnumMap<>(SpecDocument.class);

    private final SchemaRef ref;
    private final JsonSchema schema;
    private final FieldModel model;

    private Contract(SchemaRef ref) {
        this.ref = ref;
        this.schema = document(ref.document()).getSubSchema(SchemaLocation.of(ref.iri()).getFragment());
        this.schema.initializeValidators();
        this.model = FieldModel.of(ref);
    }

    /** The compiled contract for a schema, compiled on first use. */
    public static Contract of(SchemaRef ref) {
        SchemaRef target = ref.target();
        return COMPILED.computeIfAbsent(target, Contract::new);
    }

    // The validator re-reads a document for every fragment it is asked for; a spec takes 0.3 s to parse, so each is
    // loaded once, whole, and its schemas taken from it.
    private static synchronized JsonSchema document(SpecDocument doc) {
        return DOCUMENTS.computeIfAbsent(doc, d ->
                FACTORY.getSchema(SchemaLocation.of(new SchemaRef(d, "").iri()), CONFIG));
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

    public List<Violation> warnings(JsonNode value) {
        List<Violation> warnings = new ArrayList<>();
        UnknownFields.scan(value, model, "", warnings);
        return warnings;
    }
}
