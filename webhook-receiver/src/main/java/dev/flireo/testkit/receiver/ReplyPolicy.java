package dev.flireo.testkit.receiver;

import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Decides the reply to a delivery: the integrator's checks first (signature, replay), then the configured replies. */
final class ReplyPolicy {

    private final Map<String, Function<ReceivedWebhook, Reply>> byEvent = new ConcurrentHashMap<>();
    private final Set<String> seenSignatures = ConcurrentHashMap.newKeySet();
    private volatile Function<ReceivedWebhook, Reply> fallback = any -> Reply.ok();
    private volatile String requiredSecret;
    private volatile boolean refuseReplays;

    void reply(String event, Function<ReceivedWebhook, Reply> reply) {
        byEvent.put(event, reply);
    }

    void replyToAll(Function<ReceivedWebhook, Reply> reply) {
        byEvent.clear();
        fallback = reply;
    }

    void requireSignature(String secret) {
        requiredSecret = secret;
    }

    void refuseReplays() {
        refuseReplays = true;
    }

    Reply replyTo(ReceivedWebhook delivery) {
        String secret = requiredSecret;
        if (secret != null) {
            SignatureCheck check = delivery.signature(secret);
            if (!check.valid()) {
                return Reply.status(401, error(check.reason() + ": " + check.message()));
            }
        }
        String signature = delivery.headers().get(WebhookSignature.SIGNATURE_HEADER);
        if (refuseReplays && signature != null && !seenSignatures.add(signature)) {
            return Reply.status(409, error("replayed delivery"));
        }
        String event = delivery.event();
        Function<ReceivedWebhook, Reply> reply = event == null ? null : byEvent.get(event);
        return (reply == null ? fallback : reply).apply(delivery);
    }

    static String error(String message) {
        return ReceivedWebhook.JSON.createObjectNode().put("error", message).toString();
    }
}
