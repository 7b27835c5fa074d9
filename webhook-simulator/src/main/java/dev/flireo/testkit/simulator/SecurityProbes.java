package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the chosen forged or stale variants of one real delivery, one after the other, and judges each: a receiver
 * that verifies signatures and freshness as the vendor documents answers the first five with a 4xx; an accepted
 * replay is a warning unless the probes are strict.
 */
final class SecurityProbes {

    /** Far enough outside the documented 300 s window that no clock skew excuses it. */
    private static final long SKEW_SECONDS = 600;

    private SecurityProbes() {}

    static CompletableFuture<List<ProbeResult>> run(
            RunContext run, String secret, WebhookRequest original, Set<SecurityProbe> chosen, boolean strict) {
        List<ProbeResult> results = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (SecurityProbe probe : chosen) {
            chain = chain.thenCompose(
                            v -> run.sender.sendAsync(forge(probe, secret, original, run.clock.headerSecond())))
                    .thenAccept(delivery -> {
                        ProbeResult result =
                                new ProbeResult(probe, delivery.withVerdict(judge(probe, delivery, strict)));
                        results.add(result);
                        run.record(new TimelineEntry(
                                0,
                                "security probe " + probe.wireName(),
                                Instant.now(),
                                run.elapsed().minus(delivery.latency()),
                                result.delivery(),
                                null,
                                false));
                    });
        }
        return chain.thenApply(v -> List.copyOf(results));
    }

    static WebhookRequest forge(SecurityProbe probe, String secret, WebhookRequest original, long now) {
        byte[] body = original.body();
        return switch (probe) {
            case TAMPERED_BODY ->
                WebhookRequest.of(original.target(), original.event(), body, secret, now)
                        .withBody(tamper(body));
            case WRONG_SECRET ->
                WebhookRequest.of(original.target(), original.event(), body, "whsec_not_" + secret, now);
            case NO_SIGNATURE ->
                WebhookRequest.of(original.target(), original.event(), body, secret, now)
                        .withHeader(WebhookSignature.SIGNATURE_HEADER, null);
            case STALE_TIMESTAMP ->
                WebhookRequest.of(original.target(), original.event(), body, secret, now - SKEW_SECONDS);
            case FUTURE_TIMESTAMP ->
                WebhookRequest.of(original.target(), original.event(), body, secret, now + SKEW_SECONDS);
            case REPLAY -> original;
        };
    }

    private static Verdict judge(SecurityProbe probe, Delivery delivery, boolean strict) {
        if (delivery.error() != null) {
            return Verdict.fail("no HTTP answer to the " + probe.wireName() + " probe: " + delivery.error());
        }
        int status = delivery.status();
        if (status >= 400 && status < 500) {
            return Verdict.pass("rejected with HTTP " + status);
        }
        if (status >= 200 && status < 300 && probe == SecurityProbe.REPLAY) {
            String risk = "accepted with HTTP " + status + " a byte-for-byte replay inside the 300 s window (the "
                    + "vendor documents no replay defence, and its SDK's Webhooks.verify accepts it): whoever captures "
                    + "one delivery can send it again for 5 minutes, e.g. to repeat a tool call or a booking. Dedupe: "
                    + "keep the X-Webhook-Signature values (or message.type + call id + message.timestamp) of the "
                    + "last 5 minutes and refuse a repeat with a 4xx (a genuine re-delivery carries a new timestamp "
                    + "and signature)";
            return strict ? Verdict.fail(risk) : Verdict.warn(risk);
        }
        if (status >= 200 && status < 300) {
            return Verdict.fail("accepted with HTTP " + status + ", although " + probe.description());
        }
        return Verdict.fail("answered HTTP " + status + "; a rejected delivery should get a 4xx");
    }

    /** The same event with its call status changed, as an attacker would: the HMAC no longer matches. */
    private static byte[] tamper(byte[] body) {
        try {
            JsonNode tree = CallEvents.JSON.readTree(body);
            ObjectNode target = tree.path("message").path("call").isObject()
                    ? (ObjectNode) tree.path("message").path("call")
                    : (ObjectNode) tree;
            String status = target.path("status").asText("");
            target.put("status", status.equals("ended") ? "in-progress" : "ended");
            return CallEvents.JSON.writeValueAsBytes(tree);
        } catch (IOException | ClassCastException e) {
            return appendSpace(body);
        }
    }

    private static byte[] appendSpace(byte[] body) {
        byte[] changed = java.util.Arrays.copyOf(body, body.length + 1);
        changed[body.length] = ' ';
        return changed;
    }
}
