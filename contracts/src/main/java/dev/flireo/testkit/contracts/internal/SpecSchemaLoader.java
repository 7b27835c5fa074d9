package dev.flireo.testkit.contracts.internal;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import dev.flireo.testkit.openapi.SpecDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Serves the bundled specs to the JSON Schema validator from the openapi module, never from the network. */
final class SpecSchemaLoader implements SchemaLoader {

    @Override
    public InputStreamSource getSchema(AbsoluteIri iri) {
        String value = iri.toString();
        if (!value.startsWith(SchemaRef.IRI_BASE)) {
            return null;
        }
        SpecDocument doc = SpecTrees.byFileName(value.substring(SchemaRef.IRI_BASE.length()));
        byte[] bytes = doc.read().getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(bytes);
    }
}
