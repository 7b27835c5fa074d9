package dev.flireo.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.internal.OperationIndex;
import dev.flireo.testkit.openapi.internal.SpecJson;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Entry point to the bundled specs: write them out, parse them, list their operations. */
public final class FlireoSpecs {

    private static final Map<SpecDocument, SwaggerParseResult> PARSED = new EnumMap<>(SpecDocument.class);
    private static final Map<SpecDocument, JsonNode> TREES = new java.util.concurrent.ConcurrentHashMap<>();

    private FlireoSpecs() {}

    /** Writes every bundled document into {@code dir} (created if needed), keeping the names their $refs use. */
    public static List<Path> writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            for (SpecDocument doc : SpecDocument.values()) {
                written.add(Files.writeString(dir.resolve(doc.fileName()), doc.read(), StandardCharsets.UTF_8));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A document as a plain JSON tree, exactly as published ($refs unresolved), parsed once per JVM from the
     * JSON copy the build writes: the one spec model contracts validate with and the mock routes by. Shared:
     * never modify it.
     */
    public static JsonNode tree(SpecDocument doc) {
        return TREES.computeIfAbsent(doc, SpecJson::tree);
    }

    /** A document as JSON text (UTF-8), for JSON Schema validators that load documents by IRI. */
    public static byte[] json(SpecDocument doc) {
        return SpecJson.bytes(doc);
    }

    /**
     * Parses a document with swagger-parser, external $refs resolved. The documents are parsed from a
     * temporary copy on disk because relative $refs between documents do not resolve inside a jar.
     */
    public static synchronized SwaggerParseResult parse(SpecDocument doc) {
        return PARSED.computeIfAbsent(doc, d -> {
            try {
                Path dir = Files.createTempDirectory("flireo-openapi");
                writeTo(dir);
                ParseOptions options = new ParseOptions();
                options.setResolve(true);
                return new OpenAPIV3Parser()
                        .readLocation(dir.resolve(d.fileName()).toUri().toString(), null, options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The parsed model of a document; fails if swagger-parser could not read it. */
    public static OpenAPI load(SpecDocument doc) {
        OpenAPI api = parse(doc).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException(
                    doc.fileName() + " could not be parsed: " + parse(doc).getMessages());
        }
        return api;
    }

    /** Every operation and webhook of a document, in document order: from the build's index when there is one. */
    public static List<SpecOperation> operations(SpecDocument doc) {
        List<SpecOperation> indexed = OperationIndex.read(doc);
        return indexed != null ? indexed : parsedOperations(doc);
    }

    /** {@link #operations} read from the document parsed by swagger-parser, as the build's index is written. */
    public static List<SpecOperation> parsedOperations(SpecDocument doc) {
        OpenAPI api = load(doc);
        List<SpecOperation> result = new ArrayList<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> collect(doc, SpecOperation.Kind.OPERATION, path, item, result));
        }
        if (api.getWebhooks() != null) {
            api.getWebhooks().forEach((name, item) -> collect(doc, SpecOperation.Kind.WEBHOOK, name, item, result));
        }
        return result;
    }

    /** Every operation and webhook of every bundled document. */
    public static List<SpecOperation> allOperations() {
        List<SpecOperation> all = new ArrayList<>();
        for (SpecDocument doc : SpecDocument.values()) {
            all.addAll(operations(doc));
        }
        return all;
    }

    private static void collect(
            SpecDocument doc, SpecOperation.Kind kind, String path, PathItem item, List<SpecOperation> into) {
        item.readOperationsMap()
                .forEach((method, op) -> into.add(new SpecOperation(
                        doc,
                        kind,
                        method.name(),
                        path,
                        op.getOperationId(),
                        op.getSummary(),
                        extension(op, "x-source"),
                        extension(op, "x-source-ref"),
                        Boolean.TRUE.equals(op.getDeprecated()))));
    }

    private static String extension(Operation op, String name) {
        return op.getExtensions() == null
                ? null
                : Objects.toString(op.getExtensions().get(name), null);
    }
}
