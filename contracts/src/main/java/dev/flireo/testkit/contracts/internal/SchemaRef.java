package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.Set;

/**
 * A schema inside a bundled spec: the document and a JSON pointer, e.g.
 * {@code flireo-api.yaml#/components/schemas/EndOfCallReportEvent}.
 */
public record SchemaRef(SpecDocument document, String pointer) {

    /** The IRI under which the JSON Schema validator loads the documents (served by {@link SpecSchemaLoader}). */
    static final String IRI_BASE = "classpath:openapi/";

    private static final Set<String> ANNOTATIONS =
            Set.of("description", "summary", "title", "example", "examples", "deprecated");

    public JsonNode node() {
        return SpecTrees.tree(document).at(JsonPointer.compile(pointer));
    }

    /** This pointer extended by raw (unescaped) segments. */
    public SchemaRef child(String... segments) {
        StringBuilder path = new StringBuilder(pointer);
        for (String segment : segments) {
            path.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return new SchemaRef(document, path.toString());
    }

    /** Resolves a {@code $ref} value written in this document. */
    public SchemaRef resolve(String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        return new SchemaRef(file.isEmpty() ? document : SpecTrees.byFileName(file), fragment);
    }

    /** Follows {@code $ref}s whose siblings are only annotations, to the schema that says something. */
    public SchemaRef target() {
        SchemaRef at = this;
        for (int hops = 0; hops < 32; hops++) {
            JsonNode node = at.node();
            if (!node.has("$ref") || !onlyAnnotationsBeside(node)) {
                return at;
            }
            at = at.resolve(node.get("$ref").asText());
        }
        throw new IllegalStateException("$ref chain too long at " + this);
    }

    private static boolean onlyAnnotationsBeside(JsonNode ref) {
        for (var names = ref.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("$ref") && !name.startsWith("x-") && !ANNOTATIONS.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** The last pointer segment: the component name for {@code #/components/schemas/X}. */
    public String name() {
        return pointer.substring(pointer.lastIndexOf('/') + 1)
                .replace("~1", "/")
                .replace("~0", "~");
    }

    String iri() {
        return IRI_BASE + document.fileName() + "#"
                + pointer.replace("{", "%7B").replace("}", "%7D");
    }

    /** The reference for a schema location the validator reports ({@code classpath:openapi/x.yaml#/a/b}). */
    static SchemaRef fromIri(String iri) {
        String rest = iri.startsWith(IRI_BASE) ? iri.substring(IRI_BASE.length()) : iri;
        int hash = rest.indexOf('#');
        String fragment =
                hash < 0 ? "" : rest.substring(hash + 1).replace("%7B", "{").replace("%7D", "}");
        return new SchemaRef(SpecTrees.byFileName(hash < 0 ? rest : rest.substring(0, hash)), fragment);
    }

    @Override
    public String toString() {
        return document.fileName() + "#" + pointer;
    }
}
