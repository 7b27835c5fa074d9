package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.mock.internal.MockContext;
import dev.flireo.testkit.mock.internal.Resource;
import dev.flireo.testkit.mock.internal.Singleton;
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
    private final Runnable afterLoad;

    MockState(StateStore store, Runnable reset, Runnable afterLoad) {
        this.store = store;
        this.reset = reset;
        this.afterLoad = afterLoad;
    }

    /** The items of a collection ({@code assistants}, {@code calls}, {@code numbers}...), oldest first. */
    public List<JsonNode> list(String collection) {
        return store.collection(resource(collection)).list().stream().map(n -> (JsonNode) MockContext.present(n)).toList();
    }

    public Optional<JsonNode> get(String collection, String id) {
        return store.collection(resource(collection)).get(id).map(MockContext::present);
    }

    private static Resource resource(String collection) {
        return Resource.named(collection).orElseThrow(() -> new IllegalArgumentException("unknown collection " + collection));
    }

    /** The whole state, including fields the API never returns (e.g. stored passwords), for export. */
    public ObjectNode export() {
        return store.export();
    }

    /**
     * Replaces the whole state with a document in the export format; a document that is refused changes nothing.
     * Calls that were live in it go on through their lifecycle.
     */
    public void replace(JsonNode document) {
        store.replace(document);
        afterLoad.run();
    }

    /** Adds the items of a document in the export format (same id = replaced). */
    public void load(JsonNode document) {
        store.load(document);
        afterLoad.run();
    }

    /** Counts the changes so far: equal counts mean equal state (the admin API's change feed). */
    long version() {
        return store.version();
    }

    /**
     * One collection as an array (its newest {@code last} items, oldest first), or one singleton (JSON null while
     * unset), as stored, without taking the lock of a whole export; null when there is no such name.
     */
    JsonNode item(String name, int last) {
        Optional<Resource> collection = Resource.named(name);
        if (collection.isPresent()) {
            List<ObjectNode> items = store.collection(collection.get()).list();
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.subList(Math.max(0, items.size() - last), items.size()).forEach(array::add);
            return array;
        }
        Optional<Singleton> singleton = Singleton.named(name);
        if (singleton.isPresent()) {
            JsonNode value = store.singleton(singleton.get());
            return value == null ? NullNode.instance : value;
        }
        return null;
    }

    int size(String collection) {
        return store.collection(resource(collection)).size();
    }

    /** Back to the state the server started with. */
    public void reset() {
        reset.run();
    }
}
