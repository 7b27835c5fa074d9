package dev.flireo.testkit.contracts.internal;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import dev.flireo.testkit.openapi.FlireoSpecs;
import dev.flireo.testkit.openapi.SpecDocument;
import java.io.ByteArrayInputStream;

/**
 * Serves the bundled specs to the JSON Schema validator from the openapi module, never from the network, as the
 * JSON the build wrote (parsed by {@link Contract}'s JSON mapper, ten times faster than the YAML).
 */
final class SpecSchemaLoader implements SchemaLoader {

    @Override
    public InputStreamSource getSchema(AbsoluteIri iri) {
        String value = iri.toString();
        if (!value.startsWith(SchemaRef.IRI_BASE)) {
            return null;
        }
        SpecDocument doc = SpecTrees.byFileName(value.substring(SchemaRef.IRI_BASE.length()));
        byte[] bytes = FlireoSpecs.json(doc);
        return () -> new ByteArrayInputStream(bytes);
    }
}
