package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks}: checks the signature and freshness of every delivery (401 otherwise), refuses replays,
 * then hands the event to the part of the clinic that handles it and answers with its reply.
 */
final class WebhookEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any real event; a bigger body is refused before it is read. */
    private static final int MAX_BODY = 1 << 20;

    private final WebhookSignature.Verifier verifier;
    private final ReplayGuard replays;
    private final AssistantRequests assistantRequests;
    private final ToolCalls toolCalls;
    private final CallUpdates callUpdates;

    WebhookEndpoint(
            WebhookSignature.Verifier verifier,
            ReplayGuard replays,
            AssistantRequests assistantRequests,
            ToolCalls toolCalls,
            CallUpdates callUpdates) {
        this.verifier = verifier;
        this.replays = replays;
        this.assistantRequests = assistantRequests;
        this.toolCalls = toolCalls;
        this.callUpdates = callUpdates;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                respond(exchange);
            } catch (WebhookEvent.BadWebhook e) {
                Http.send(exchange, 400, Http.error(e.getMessage()));
            } catch (SQLException e) {
                LOG.error("database failure while handling a webhook", e);
                Http.send(exchange, 503, Http.error("the clinic's database is unavailable; try again"));
            } catch (RuntimeException e) {
                LOG.error("failed to handle a webhook", e);
                Http.send(exchange, 500, Http.error("the clinic could not handle this webhook"));
            }
        }
    }

    private void respond(HttpExchange exchange) throws IOException, SQLException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            Http.send(exchange, 405, Http.error("webhooks are POSTed"));
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            Http.send(exchange, 413, Http.error("the body is larger than " + MAX_BODY + " bytes"));
            return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        SignatureCheck check = verifier.verify(headers, body);
        if (!check.valid()) {
            LOG.warn("refused a webhook: {}", check.message());
            Http.send(exchange, 401, Http.error("signature rejected (" + check.reason() + "): " + check.message()));
            return;
        }
        if (!replays.firstTime(headers.get(WebhookSignature.SIGNATURE_HEADER))) {
            LOG.warn("refused a replayed webhook");
            Http.send(exchange, 401, Http.error("this exact delivery was received before (a replay)"));
            return;
        }
        Http.send(exchange, 200, dispatch(body));
    }

    private ObjectNode dispatch(byte[] body) throws SQLException {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new WebhookEvent.BadWebhook("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WebhookEvent.BadWebhook("the body cannot be read: " + e.getMessage());
        }
        WebhookEvent event = WebhookEvent.of(json == null ? JSON.createObjectNode() : json);
        switch (event.type()) {
            case "assistant-request" -> {
                return assistantRequests.answer(event);
            }
            case "tool-calls" -> {
                return toolCalls.answer(event);
            }
            case "status-update" -> callUpdates.statusUpdate(event);
            case "end-of-call-report" -> callUpdates.endOfCallReport(event);
            default -> LOG.info("ignored a {} webhook", event.type());
        }
        return JSON.createObjectNode().put("received", true);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
