package dev.flireo.testkit.examples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks}: refuses unsigned, stale and replayed deliveries with 401, then answers each event. The
 * body is taken as bytes because the signature covers them exactly; Jackson 2 is used by hand, since Spring Boot 4
 * binds JSON with Jackson 3 and the generated client with Jackson 2.
 */
@RestController
class WebhookController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignedDeliveries deliveries;
    private final Bookings bookings;

    WebhookController(SignedDeliveries deliveries, Bookings bookings) {
        this.deliveries = deliveries;
        this.bookings = bookings;
    }

    @PostMapping(path = "/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(
            @RequestBody byte[] body,
            @RequestHeader(name = "X-Webhook-Signature", required = false) String signature,
            @RequestHeader(name = "X-Webhook-Timestamp", required = false) String timestamp) {
        String refusal = deliveries.refusal(signature, timestamp, body);
        if (refusal != null) {
            return ResponseEntity.status(401).body(error(refusal));
        }
        JsonNode message;
        try {
            message = JSON.readTree(body).path("message");
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(error("the body is not JSON"));
        }
        ObjectNode reply = switch (message.path("type").asText()) {
            case "tool-calls" -> bookings.answerToolCalls(message);
            case "end-of-call-report" -> bookings.recordReport(message);
            default -> JSON.createObjectNode(); // assistant-request: the saved assistant; status-update: noted
        };
        return ResponseEntity.ok(reply.toString());
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }
}
