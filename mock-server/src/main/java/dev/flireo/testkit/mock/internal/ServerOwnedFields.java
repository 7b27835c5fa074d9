package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drops the fields the platform sets from create and update bodies, before validation and storage, as the spec's
 * {@code info.description} documents: {@code id}, {@code created_at}, {@code updated_at}, {@code org_id}, every
 * property a component schema marks {@code readOnly} (counts, statuses, derived names), and the mock's own hidden
 * {@code _} fields; unless the operation's request schema declares the field (e.g. a campaign's initial
 * {@code status}). Ignored rather than refused: the SDK's create and update types never send them, and a client
 * that sends back what it read (read, change, write) must not fail for it.
 */
final class ServerOwnedFields {

    private static final Set<String> ALWAYS = Set.of("id", "created_at", "updated_at", "org_id");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    private static final int MAX_DEPTH = 8;

    private final Map<RouteTable, Set<String>> owned = new ConcurrentHashMap<>();
    private final Map<Route, Set<String>> declared = new ConcurrentHashMap<>();

    /** Removes the server's fields from the top level of a write's body. */
    void strip(Route route, JsonNode body) {
        if (!(body instanceof ObjectNode object) || !WRITES.contains(route.method())) {
            return;
        }
        Set<String> serverOwned = owned.computeIfAbsent(route.spec(), ServerOwnedFields::readOnlyNames);
        Set<String> writable = declared.computeIfAbsent(route, this::declaredNames);
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith("_") || serverOwned.contains(name) && !writable.contains(name)) {
                it.remove();
            }
        }
    }

    /** {@link #ALWAYS} and every property name some component schema of the spec marks readOnly. */
    private static Set<String> readOnlyNames(RouteTable spec) {
        Set<String> names = new HashSet<>(ALWAYS);
        collectReadOnly(spec.tree().path("components").path("schemas"), names);
        return Set.copyOf(names);
    }

    private static void collectReadOnly(JsonNode node, Set<String> into) {
        node.path("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("readOnly").asBoolean(false)) {
                into.add(p.getKey());
            }
        });
        node.elements().forEachRemaining(child -> collectReadOnly(child, into));
    }

    /** The top-level properties the route's request schema declares, through $ref and allOf/oneOf/anyOf. */
    private Set<String> declaredNames(Route route) {
        Set<String> names = new HashSet<>();
        if (route.requestSchema() != null) {
            collectDeclared(route.spec(), route.spec().at(route.requestSchema()), names, 0);
        }
        return Set.copyOf(names);
    }

    private void collectDeclared(RouteTable spec, JsonNode schema, Set<String> into, int depth) {
        if (schema == null || schema.isMissingNode() || depth > MAX_DEPTH) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            RouteTable target = hash > 0 ? RouteTable.byFileName(ref.substring(0, hash)) : spec;
            if (target != null && hash >= 0) {
                collectDeclared(target, target.at(ref.substring(hash + 1)), into, depth + 1);
            }
        }
        schema.path("properties").fieldNames().forEachRemaining(into::add);
        for (String composite : new String[] {"allOf", "oneOf", "anyOf"}) {
            schema.path(composite).forEach(branch -> collectDeclared(spec, branch, into, depth + 1));
        }
    }
}
