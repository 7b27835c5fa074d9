package dev.flireo.testkit.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.SpecDocument;
import java.util.Optional;

/**
 * Where each webhook's payload and reply schema sit in a spec: read from its {@code webhooks} section
 * ({@code requestBody} and the {@code 200} response), so the mapping lives in the spec and nowhere else.
 */
public final class WebhookSchemas {

    private WebhookSchemas() {}

    /** The payload schema of {@code webhooks/<event>/post}. */
    public static SchemaRef event(SpecDocument doc, String event) {
        SchemaRef schema = post(doc, event).child("requestBody", "content", "application/json", "schema");
        if (schema.node().isMissingNode()) {
            throw new IllegalStateException(doc.fileName() + " documents no JSON body for webhook " + event);
        }
        return schema.target();
    }

    /** The reply schema of the webhook's 200 response; empty when the reply body is ignored (no content). */
    public static Optional<SchemaRef> reply(SpecDocument doc, String event) {
        SchemaRef schema = post(doc, event).child("responses", "200", "content", "application/json", "schema");
        return schema.node().isMissingNode() ? Optional.empty() : Optional.of(schema.target());
    }

    private static SchemaRef post(SpecDocument doc, String event) {
        SchemaRef post = new SchemaRef(doc, "").child("webhooks", event, "post");
        JsonNode node = post.node();
        if (node.isMissingNode()) {
            throw new IllegalStateException(doc.fileName() + " has no webhook " + event);
        }
        return post;
    }
}
