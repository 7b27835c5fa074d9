package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The log of webhook deliveries: request, reply status, latency and verdict of each, oldest first. */
public final class Deliveries {

    private final List<ObjectNode> log = new CopyOnWriteArrayList<>();

    public void add(ObjectNode delivery) {
        log.add(delivery);
    }

    public List<ObjectNode> list() {
        return List.copyOf(log);
    }

    public ArrayNode toJson() {
        ArrayNode out = Json.array();
        log.forEach(d -> out.add(d.deepCopy()));
        return out;
    }

    public void clear() {
        log.clear();
    }
}
