package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.simulator.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The credentials in a state document: fields that hold a secret (webhook and tool secrets such as
 * {@code webhook_secret} and {@code server_secret}, API keys such as {@code api_key} and {@code _openai_api_key},
 * passwords, tokens, every header stored for an MCP server in {@code _headers}), and the credentials inside URLs
 * (user info, query parameters such as {@code ?token=}). The admin API shows them as {@value Redaction#MARKER}; a
 * document sent back with the marker keeps the stored value, so an export can be edited and imported again. The
 * state itself, and the state file, keep the real values.
 */
public final class SecretFields {

    private static final Pattern SECRET_NAME =
            Pattern.compile("_?(?:[a-z0-9]+_)*(?:secret|password|api_key|token)", Pattern.CASE_INSENSITIVE);
    /** Stored MCP server headers: credentials by purpose (the API shows only their names). */
    private static final String HEADERS = "_headers";

    private SecretFields() {}

    /** A copy of the document with every non-empty secret, and every URL credential, replaced by the marker. */
    public static JsonNode redact(JsonNode document) {
        JsonNode copy = document.deepCopy();
        visit(copy, null, "", false, (holder, name, stored, where, url) -> {
            String value = holder.get(name).asText();
            if (url) {
                holder.put(name, Redaction.url(value));
            } else if (!value.isEmpty()) {
                holder.put(name, Redaction.MARKER);
            }
        });
        return copy;
    }

    /**
     * A copy of an incoming document in which every marker is replaced by the secret stored at the same place of
     * {@code current} (collection items matched by id); refused, before anything changes, when a marker has no
     * secret stored there.
     */
    public static JsonNode restore(JsonNode incoming, JsonNode current) {
        if (markers(incoming).isEmpty()) {
            return incoming;
        }
        JsonNode copy = incoming.deepCopy();
        visit(copy, current, "", false, (holder, name, stored, where, url) -> {
            String value = holder.get(name).asText();
            boolean kept = stored != null
                    && stored.isTextual()
                    && (url ? Redaction.url(stored.asText()).equals(value) : value.equals(Redaction.MARKER));
            if (kept) {
                holder.set(name, stored);
            }
        });
        refuseMarkers(copy);
        return copy;
    }

    /** Refuses a document that carries the marker where a secret belongs: it would become the secret. */
    public static void refuseMarkers(JsonNode document) {
        List<String> found = markers(document);
        if (!found.isEmpty()) {
            throw ApiError.badRequest(
                    "redacted_secret",
                    found.get(0) + " is \"" + Redaction.MARKER + "\", a secret"
                            + " redacted by GET /__flireo/state, and no secret is stored there to keep; export with"
                            + " GET /__flireo/state?secrets=include, or give the secret",
                    found.get(0));
        }
    }

    private static List<String> markers(JsonNode document) {
        List<String> found = new ArrayList<>();
        visit(document, null, "", false, (holder, name, stored, where, url) -> {
            String value = holder.get(name).asText();
            if (url ? isRedactedUrl(value) : value.equals(Redaction.MARKER)) {
                found.add(where);
            }
        });
        return found;
    }

    /** A URL whose credentials are the marker: the marker would become the credential. */
    private static boolean isRedactedUrl(String url) {
        String unmarked = url.replace(Redaction.MARKER, "x");
        return url.contains(Redaction.MARKER) && !Redaction.url(unmarked).equals(unmarked);
    }

    private interface SecretVisitor {
        /** {@code url}: the text is a URL that may hold credentials, rather than a secret as a whole. */
        void visit(ObjectNode holder, String name, JsonNode stored, String where, boolean url);
    }

    /**
     * Visits every secret text and every URL; {@code stored} is the node at the same place of another document, or
     * null.
     */
    private static void visit(JsonNode node, JsonNode stored, String where, boolean allSecret, SecretVisitor visitor) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                JsonNode storedValue = stored == null ? null : stored.get(name);
                String at = where.isEmpty() ? name : where + "." + name;
                if (value.isTextual() && (allSecret || SECRET_NAME.matcher(name).matches())) {
                    visitor.visit(object, name, storedValue, at, false);
                } else if (value.isTextual() && value.asText().contains("://")) {
                    visitor.visit(object, name, storedValue, at, true);
                } else {
                    visit(value, storedValue, at, name.equals(HEADERS), visitor);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                visit(array.get(i), sameItem(array.get(i), stored, i), where + "[" + i + "]", false, visitor);
            }
        }
    }

    /** The stored counterpart of an array item: the one with the same id (usually at the same index). */
    private static JsonNode sameItem(JsonNode item, JsonNode stored, int index) {
        if (stored == null || !stored.isArray()) {
            return null;
        }
        JsonNode id = item.get("id");
        if (id == null) {
            return stored.get(index);
        }
        JsonNode sameIndex = stored.get(index);
        if (sameIndex != null && id.equals(sameIndex.get("id"))) {
            return sameIndex;
        }
        for (JsonNode candidate : stored) {
            if (id.equals(candidate.get("id"))) {
                return candidate;
            }
        }
        return null;
    }
}
