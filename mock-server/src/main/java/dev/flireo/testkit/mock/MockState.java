package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.MockRuntime;
import dev.flireo.testkit.mock.internal.Resource;
import java.util.List;
import java.util.Optional;

/**
 * Read and replace the mock's state from a test: the resources exactly as the API returns them, and the whole
 * state as one JSON document (the format of {@code GET /__flireo/state} and of seed files).
 */
public final class MockState {

    private final MockRuntime runtime;

    MockState(MockRuntime runtime) {
        this.runtime = runtime;
    }

    /** The items of a collection ({@code assistants}, {@code calls}, {@code numbers}...), oldest first. */
    public List<JsonNode> list(String collection) {
        return runtime.store().collection(resource(collection)).list().stream()
                .map(n -> (JsonNode) MockContext.present(n))
                .toList();
    }

    public Optional<JsonNode> get(String collection, String id) {
        return runtime.store().collection(resource(collection)).get(id).map(MockContext::present);
    }

    private static Resource resource(String collection) {
        return Resource.named(collection)
                .orElseThrow(() -> new IllegalArgumentException("unknown collection " + collection));
    }

    /** The whole state, including fields the API never returns (e.g. stored passwords), for export. */
    public ObjectNode export() {
        return runtime.store().export();
    }

    /**
     * Replaces the whole state with a document in the export format; a document that is refused changes nothing.
     * Calls that were live in it go on through their lifecycle.
     */
    public void replace(JsonNode document) {
        runtime.replaceState(document);
    }

    /** Adds the items of a document in the export format (same id = replaced). */
    public void load(JsonNode document) {
        runtime.loadState(document);
    }

    /** Back to the state the server started with. */
    public void reset() {
        runtime.reset();
    }
}
