package dev.flireo.testkit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.contracts.internal.SchemaRef;
import dev.flireo.testkit.contracts.internal.SpecTrees;
import dev.flireo.testkit.contracts.internal.WebhookSchemas;
import dev.flireo.testkit.openapi.SpecDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every documented webhook payload and reply: the {@code examples} of the bundled specs (copied verbatim from the
 * reference documents) plus the files under {@code fixtures/} for the examples the specs lack.
 */
final class Fixtures {

    enum Kind {
        EVENT,
        REPLY
    }

    record Fixture(Dialect dialect, EventType event, Kind kind, String name, JsonNode value) {
        @Override
        public String toString() {
            return dialect.wireName() + " " + event.wireName() + " "
                    + kind.name().toLowerCase() + " " + name;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Fixture> ALL = load();

    private Fixtures() {}

    static List<Fixture> all() {
        return ALL;
    }

    static Stream<Fixture> of(Dialect dialect, EventType event, Kind kind) {
        return ALL.stream().filter(f -> f.dialect() == dialect && f.event() == event && f.kind() == kind);
    }

    static SpecDocument document(Dialect dialect) {
        return switch (dialect) {
            case FLIREO -> SpecDocument.FLIREO_API;
            case VOICEDOCK -> SpecDocument.VOICEDOCK_WEBHOOKS;
            case LEGACY -> SpecDocument.LEGACY_NL;
        };
    }

    /** The schema a fixture is checked against. */
    static SchemaRef contract(Dialect dialect, EventType event, Kind kind) {
        SpecDocument doc = document(dialect);
        return kind == Kind.EVENT
                ? WebhookSchemas.event(doc, event.wireName())
                : WebhookSchemas.reply(doc, event.wireName()).orElseThrow();
    }

    private static List<Fixture> load() {
        List<Fixture> fixtures = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            JsonNode webhooks = SpecTrees.tree(document(dialect)).path("webhooks");
            for (EventType event : EventType.values()) {
                JsonNode post = webhooks.path(event.wireName()).path("post");
                String at = document(dialect).fileName() + "#webhooks/" + event.wireName();
                examples(post.path("requestBody"), dialect, event, Kind.EVENT, at + "/request/", fixtures);
                examples(post.path("responses").path("200"), dialect, event, Kind.REPLY, at + "/200/", fixtures);
            }
        }
        fixtures.addAll(files());
        return List.copyOf(fixtures);
    }

    private static void examples(
            JsonNode owner, Dialect dialect, EventType event, Kind kind, String at, List<Fixture> into) {
        JsonNode examples = owner.path("content").path("application/json").path("examples");
        examples.fieldNames()
                .forEachRemaining(name -> into.add(new Fixture(
                        dialect, event, kind, at + name, examples.get(name).get("value"))));
    }

    private static List<Fixture> files() {
        try {
            Path root = Path.of(Fixtures.class.getResource("/fixtures").toURI());
            try (Stream<Path> paths = Files.walk(root)) {
                return paths.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .map(p -> {
                            Path rel = root.relativize(p);
                            return new Fixture(
                                    Dialect.fromWireName(rel.getName(0).toString()),
                                    EventType.fromWireName(rel.getName(1).toString()),
                                    Kind.valueOf(rel.getName(2).toString().toUpperCase()),
                                    "fixtures/" + rel,
                                    read(p));
                        })
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
