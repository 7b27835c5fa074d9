package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The mock's whole state, in memory and thread-safe: one collection per resource (creation order kept) and a few
 * singletons (the account, BYOK keys, the domain). Stored nodes are never mutated after they are published:
 * updates replace them atomically, so readers need no locks. Changes share a read lock that {@link #export()}
 * takes alone: an export (and so the state file) is always a state the store really was in, never half a change.
 */
public final class StateStore {

    /** Collections the call engine and the campaign runner read on every clock tick: kept as trees, never parsed. */
    private static final Set<Resource> ON_THE_CLOCK = EnumSet.of(Resource.CALLS, Resource.CAMPAIGNS, Resource.LEADS);

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong version = new AtomicLong();
    private final ReentrantReadWriteLock snapshotLock = new ReentrantReadWriteLock();
    /** Filled once in the constructor and never changed: safe to read from any thread. */
    private final Map<Resource, Collection> collections = new EnumMap<>(Resource.class);

    private final Map<Singleton, JsonNode> singletons = new ConcurrentHashMap<>();
    private volatile Runnable onChange = () -> {};

    public StateStore() {
        for (Resource name : Resource.values()) {
            collections.put(name, new Collection(!ON_THE_CLOCK.contains(name)));
        }
    }

    /** Called after every change (e.g. to schedule a write of the state file); must be quick. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Counts the changes so far: equal counts mean equal state. */
    public long version() {
        return version.get();
    }

    private <T> T change(Supplier<T> change) {
        snapshotLock.readLock().lock();
        try {
            T result = change.get();
            version.incrementAndGet();
            return result;
        } finally {
            snapshotLock.readLock().unlock();
            onChange.run();
        }
    }

    public Collection collection(Resource name) {
        return collections.get(name);
    }

    public JsonNode singleton(Singleton name) {
        return singletons.get(name);
    }

    public void putSingleton(Singleton name, JsonNode value) {
        change(() -> value == null || value.isNull() ? singletons.remove(name) : singletons.put(name, value));
    }

    /** Atomically replaces a singleton with {@code update(current)} (current may be null). */
    public JsonNode updateSingleton(Singleton name, UnaryOperator<JsonNode> update) {
        return change(() -> singletons.compute(name, (k, current) -> update.apply(current)));
    }

    public void clear() {
        change(() -> {
            collections.values().forEach(c -> c.items.clear());
            singletons.clear();
            return null;
        });
    }

    /** The whole state as one JSON document: {@code {"assistants": [...], ..., "account": {...}}}. */
    public ObjectNode export() {
        Map<String, List<ObjectNode>> items = new TreeMap<>();
        Map<String, JsonNode> singles;
        snapshotLock.writeLock().lock();
        try {
            collections.forEach((name, c) -> items.put(name.wireName(), c.list()));
            singles = new TreeMap<>();
            singletons.forEach((name, value) -> singles.put(name.wireName(), value));
        } finally {
            snapshotLock.writeLock().unlock();
        }
        ObjectNode out = Json.object();
        items.forEach((name, list) -> {
            ArrayNode array = Json.array();
            list.forEach(array::add);
            out.set(name, array);
        });
        singles.forEach(out::set);
        return out;
    }

    /**
     * Adds every item of a document in the export format. Unknown keys, items without an {@code id} and redacted
     * secrets ({@link SecretFields}) are refused before anything changes, naming the offending key.
     */
    public void load(JsonNode document) {
        validate(document);
        change(() -> apply(document));
    }

    /** Replaces the whole state with a document in the export format, in one change; a bad one changes nothing. */
    public void replace(JsonNode document) {
        validate(document);
        change(() -> {
            clear();
            return apply(document);
        });
    }

    private static void validate(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw ApiError.badRequest("invalid_request", "A state document must be a JSON object", null);
        }
        SecretFields.refuseMarkers(document);
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (Resource.named(key).isPresent()) {
                if (!entry.getValue().isArray()) {
                    throw ApiError.badRequest("invalid_request", key + " must be an array", key);
                }
                int i = 0;
                for (JsonNode item : entry.getValue()) {
                    if (!item.isObject() || !item.hasNonNull("id")) {
                        throw ApiError.badRequest(
                                "invalid_request", key + "[" + i + "] needs an id", key + "[" + i + "]");
                    }
                    i++;
                }
            } else if (Singleton.named(key).isEmpty()) {
                throw ApiError.badRequest(
                        "invalid_request",
                        "Unknown state key '" + key + "'; expected one of "
                                + new TreeMap<>(Map.of(
                                        "collections",
                                        Arrays.asList(Resource.values()),
                                        "singletons",
                                        Arrays.asList(Singleton.values()))),
                        key);
            }
        }
    }

    private Void apply(JsonNode document) {
        document.fields().forEachRemaining(entry -> {
            Optional<Resource> collection = Resource.named(entry.getKey());
            if (collection.isPresent()) {
                entry.getValue().forEach(item -> collection(collection.get()).put((ObjectNode) item.deepCopy()));
            } else {
                putSingleton(
                        Singleton.named(entry.getKey()).orElseThrow(),
                        entry.getValue().deepCopy());
            }
        });
        return null;
    }

    /** One resource collection, ordered by creation. */
    public final class Collection {
        private final Map<String, Entry> items = new ConcurrentHashMap<>();
        private final boolean compact;

        /**
         * An item as stored: its JSON bytes in a compact collection, else the tree itself. Bytes are one object
         * for the collector to copy where a tree is about a hundred: with many thousands of resources stored,
         * young collections copying fresh trees paused 7 to 10 ms. Reads parse the bytes into a new tree.
         */
        private record Entry(long seq, Object value) {
            ObjectNode node() {
                return value instanceof byte[] json ? Json.parseObject(json) : (ObjectNode) value;
            }
        }

        private Collection(boolean compact) {
            this.compact = compact;
        }

        private Entry entry(long seq, ObjectNode node) {
            return new Entry(seq, compact ? Json.bytes(node) : node);
        }

        /** Inserts or replaces the item with the node's {@code id}. */
        public ObjectNode put(ObjectNode node) {
            String id = node.get("id").asText();
            change(() ->
                    items.compute(id, (k, old) -> entry(old == null ? sequence.incrementAndGet() : old.seq(), node)));
            return node;
        }

        /** Inserts only if no item has this id yet; returns false when one had. */
        public boolean insert(ObjectNode node) {
            return change(
                    () -> items.putIfAbsent(node.get("id").asText(), entry(sequence.incrementAndGet(), node)) == null);
        }

        public Optional<ObjectNode> get(String id) {
            Entry e = id == null ? null : items.get(id);
            return Optional.ofNullable(e == null ? null : e.node());
        }

        /** Atomically replaces an item with {@code update(copy)}; empty when there is no such item. */
        public Optional<ObjectNode> update(String id, UnaryOperator<ObjectNode> update) {
            Entry e = change(() -> items.computeIfPresent(
                    id,
                    (k, old) -> entry(
                            old.seq(),
                            update.apply(compact ? old.node() : old.node().deepCopy()))));
            return Optional.ofNullable(e == null ? null : e.node());
        }

        public Optional<ObjectNode> remove(String id) {
            Entry e = change(() -> items.remove(id));
            return Optional.ofNullable(e == null ? null : e.node());
        }

        /** Every item, oldest first. */
        public List<ObjectNode> list() {
            List<Entry> entries = new ArrayList<>(items.values());
            entries.sort(Comparator.comparingLong(Entry::seq));
            List<ObjectNode> out = new ArrayList<>(entries.size());
            entries.forEach(e -> out.add(e.node()));
            return out;
        }

        public List<ObjectNode> list(Predicate<ObjectNode> filter) {
            return list().stream().filter(filter).toList();
        }

        public boolean any(Predicate<ObjectNode> filter) {
            return items.values().stream().anyMatch(e -> filter.test(e.node()));
        }

        public int size() {
            return items.size();
        }
    }
}
