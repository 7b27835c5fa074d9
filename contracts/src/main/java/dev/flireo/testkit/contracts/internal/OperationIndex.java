package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.SpecDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The REST operations of a spec by operationId and by request line: their JSON request and response schemas. */
public final class OperationIndex {

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Map<SpecDocument, OperationIndex> INDEXES = new ConcurrentHashMap<>();

    private final Map<String, Operation> byId = new LinkedHashMap<>();
    private final List<Operation> byTemplate;
    private final List<String> basePaths = new ArrayList<>();

    private OperationIndex(SpecDocument document) {
        SchemaRef root = new SchemaRef(document, "");
        root.node().path("paths").fieldNames().forEachRemaining(path -> {
            SchemaRef item = root.child("paths", path);
            for (String method : METHODS) {
                JsonNode op = item.node().path(method);
                if (op.has("operationId")) {
                    byId.put(op.get("operationId").asText(), Operation.of(item.child(method), method, path));
                }
            }
        });
        root.node()
                .path("servers")
                .forEach(server -> basePaths.add(basePath(server.path("url").asText())));
        byTemplate = byId.values().stream()
                .sorted(Comparator.comparingInt((Operation op) -> op.path().split("\\{", -1).length)
                        .thenComparing(Comparator.comparingInt(
                                        (Operation op) -> op.path().length())
                                .reversed()))
                .toList();
    }

    public static OperationIndex of(SpecDocument document) {
        return INDEXES.computeIfAbsent(document, OperationIndex::new);
    }

    public Optional<Operation> byId(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    public List<String> operationIds() {
        return List.copyOf(byId.keySet());
    }

    /** The operation a request line addresses, e.g. {@code POST /api/v1/calls/outbound}; literal segments win. */
    public Optional<Operation> match(String method, String path) {
        String verb = method.toLowerCase(Locale.ROOT);
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        for (String base : basePaths) {
            if (!bare.startsWith(base)) {
                continue;
            }
            String rest = bare.substring(base.length());
            Optional<Operation> found = byTemplate.stream()
                    .filter(op -> op.method().equals(verb) && op.matches(rest))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String basePath(String url) {
        String path = url.startsWith("/") ? url : URI.create(url).getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * One operation.
     *
     * @param request the JSON request body schema, if the operation takes one
     * @param requestMediaTypes every media type the request body may have (empty: no body)
     * @param responses by status key as written in the spec: {@code 200}, {@code 4XX}, {@code default}
     * @param parameters the schema of each path and query parameter by name (the operation's own win)
     */
    public record Operation(
            String operationId,
            String method,
            String path,
            Pattern template,
            Optional<SchemaRef> request,
            List<String> requestMediaTypes,
            Map<String, Optional<SchemaRef>> responses,
            Map<String, SchemaRef> parameters) {

        static Operation of(SchemaRef op, String method, String path) {
            SchemaRef body = follow(op.child("requestBody"));
            List<String> mediaTypes = new ArrayList<>();
            body.node().path("content").fieldNames().forEachRemaining(mediaTypes::add);
            Map<String, Optional<SchemaRef>> responses = new LinkedHashMap<>();
            op.node()
                    .path("responses")
                    .fieldNames()
                    .forEachRemaining(status -> responses.put(status, json(follow(op.child("responses", status)))));
            Map<String, SchemaRef> parameters = new LinkedHashMap<>();
            SchemaRef item = new SchemaRef(
                    op.document(), op.pointer().substring(0, op.pointer().lastIndexOf('/')));
            for (SchemaRef list : List.of(item.child("parameters"), op.child("parameters"))) {
                for (int i = 0; i < list.node().size(); i++) {
                    SchemaRef param = follow(list.child(Integer.toString(i)));
                    parameters.put(
                            param.node().path("name").asText(),
                            param.child("schema").target());
                }
            }
            return new Operation(
                    op.node().get("operationId").asText(),
                    method,
                    path,
                    compile(path),
                    json(body),
                    mediaTypes,
                    responses,
                    parameters);
        }

        boolean matches(String path) {
            return template.matcher(path).matches();
        }

        /** The schema for a status: the exact code, then its range ({@code 4XX}), then {@code default}. */
        public Optional<Optional<SchemaRef>> response(int status) {
            String code = Integer.toString(status);
            for (String key : List.of(code, code.charAt(0) + "XX", code.charAt(0) + "xx", "default")) {
                if (responses.containsKey(key)) {
                    return Optional.of(responses.get(key));
                }
            }
            return Optional.empty();
        }

        private static SchemaRef follow(SchemaRef at) {
            SchemaRef current = at;
            for (int hops = 0; hops < 8 && current.node().has("$ref"); hops++) {
                current = current.resolve(current.node().get("$ref").asText());
            }
            return current;
        }

        private static Optional<SchemaRef> json(SchemaRef owner) {
            JsonNode content = owner.node().path("content");
            for (var types = content.fieldNames(); types.hasNext(); ) {
                String type = types.next();
                if (type.contains("json") && content.get(type).has("schema")) {
                    return Optional.of(owner.child("content", type, "schema").target());
                }
            }
            return Optional.empty();
        }

        private static Pattern compile(String template) {
            StringBuilder regex = new StringBuilder();
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }
    }
}
