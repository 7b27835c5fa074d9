package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.StateStore;
import java.util.List;
import java.util.Optional;

/**
 * Read and replace the mock's state from a test: the resources exactly as the API returns them, and the whole
 * state as one JSON document (the format of {@code GET /__flireo/state} and of seed files).
 */
public final class MockState {

    private final StateStore store;
    private final Runnable reset;

    MockState(StateStore store, Runnable reset) {
        this.store = store;
        this.reset = reset;
    }

    /** The items of a collection ({@code assistants}, {@code calls}, {@code numbers}...), oldest first. */
    public List<JsonNode> list(String collection) {
        return store.collection(collection).list().stream().map(n -> (JsonNode) MockContext.present(n)).toList();
    }

    public Optional<JsonNode> get(String collection, String id) {
        return store.collection(collection).get(id).map(MockContext::present);
    }

    /** The whole state, including fields the API never returns (e.g. stored passwords), for export. */
    public ObjectNode export() {
        return store.export();
    }

    /** Replaces the whole state with a document in the export format. */
    public void replace(JsonNode document) {
        store.clear();
        store.load(document);
    }

    /** Adds the items of a document in the export format (same id = replaced). */
    public void load(JsonNode document) {
        store.load(document);
    }

    /** Back to the state the server started with. */
    public void reset() {
        reset.run();
    }
}
