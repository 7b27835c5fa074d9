package dev.flireo.testkit.examples.clinic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** JSON answers for the JDK's HTTP server. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory JSON_FACTORY = JsonNodeFactory.instance;

    private Http() {}

    static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }
}
