package dev.flireo.testkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.contracts.ApiContracts;
import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Detection;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.contracts.Severity;
import dev.flireo.testkit.contracts.ValidationReport;
import dev.flireo.testkit.contracts.Violation;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks a HAR recording holds: each webhook POST (an {@code X-Webhook-Event} header or a payload that looks
 * like one) gives its payload and the receiver's reply; each call to a documented REST operation gives its request
 * and response bodies. Other traffic is skipped.
 */
final class HarChecks {

    /** One thing to validate, labelled for the verdict line. */
    record Check(String label, Supplier<ValidationReport> run) {}

    private final String source;
    private final Dialect forced;
    private final List<Check> checks = new ArrayList<>();
    private int skipped;

    private HarChecks(String source, Dialect forced) {
        this.source = source;
        this.forced = forced;
    }

    /** The checks of a HAR document; {@code forced} is the {@code --dialect}, or {@code null} to detect it. */
    static HarChecks of(String source, JsonNode har, Dialect forced) {
        HarChecks result = new HarChecks(source, forced);
        JsonNode entries = har.path("log").path("entries");
        for (int i = 0; i < entries.size(); i++) {
            result.entry(i + 1, entries.get(i));
        }
        return result;
    }

    List<Check> checks() {
        return checks;
    }

    int skipped() {
        return skipped;
    }

    private void entry(int number, JsonNode entry) {
        JsonNode request = entry.path("request");
        String method = request.path("method").asText("GET");
        String path = pathOf(request.path("url").asText(""));
        String label = source + " entry " + number + " " + method + " " + path;
        String requestText = request.path("postData").path("text").asText(null);
        Optional<JsonNode> requestBody = json(requestText);
        Optional<String> eventHeader = header(request, WebhookSignature.EVENT_HEADER);
        Optional<Detection> detected = requestBody.flatMap(Contracts::detect);
        if (eventHeader.isPresent() || detected.isPresent()) {
            webhook(label, eventHeader, detected, requestText, requestBody, entry.path("response"));
            return;
        }
        for (ApiContracts api : List.of(ApiContracts.flireo(), ApiContracts.legacy())) {
            Optional<String> operation = api.operationFor(method, path);
            if (operation.isPresent()) {
                rest(label, api, operation.get(), requestText, requestBody, entry.path("response"));
                return;
            }
        }
        skipped++;
    }

    private void webhook(
            String label,
            Optional<String> eventHeader,
            Optional<Detection> detected,
            String requestText,
            Optional<JsonNode> body,
            JsonNode response) {
        checks.add(new Check(
                label + " webhook payload",
                () -> body.isEmpty()
                        ? notJson(requestText)
                        : forced != null
                                ? Contracts.of(forced).validateEvent(body.get())
                                : Contracts.validate(body.get())));
        Optional<EventType> type =
                detected.map(Detection::eventType).or(() -> eventHeader.flatMap(HarChecks::eventType));
        Dialect dialect =
                forced != null ? forced : detected.map(Detection::dialect).orElse(Dialect.FLIREO);
        int status = response.path("status").asInt(0);
        if (type.isEmpty()) {
            return;
        }
        checks.add(new Check(label + " reply (HTTP " + status + ")", () -> {
            if (status < 200 || status > 299) {
                return new ValidationReport(
                        dialect,
                        type.get(),
                        "any 2xx",
                        List.of(new Violation(
                                Severity.ERROR,
                                "",
                                "status",
                                "2xx",
                                Integer.toString(status),
                                "the receiver answered HTTP " + status + "; the platform expects a 2xx")),
                        List.of());
            }
            if (!type.get().replyUsed()) {
                return Contracts.of(dialect).validateReply(type.get(), (JsonNode) null);
            }
            return Contracts.of(dialect).validateReply(type.get(), responseText(response));
        }));
    }

    private void rest(
            String label,
            ApiContracts api,
            String operation,
            String requestText,
            Optional<JsonNode> body,
            JsonNode response) {
        if (requestText != null && !requestText.isEmpty()) {
            checks.add(new Check(
                    label + " request",
                    () -> body.isEmpty() ? notJson(requestText) : api.validateRequest(operation, body.get())));
        }
        int status = response.path("status").asInt(0);
        String responseText = responseText(response);
        if (status > 0) {
            checks.add(new Check(label + " response (HTTP " + status + ")", () -> {
                Optional<JsonNode> json = json(responseText);
                return responseText != null && !responseText.isBlank() && json.isEmpty()
                        ? notJson(responseText)
                        : api.validateResponse(operation, status, json.orElse(null));
            }));
        }
    }

    private static ValidationReport notJson(String text) {
        return Contracts.of(Dialect.FLIREO).validateEvent(text == null ? "" : text);
    }

    private static Optional<EventType> eventType(String header) {
        try {
            return Optional.of(EventType.fromWireName(header));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String responseText(JsonNode response) {
        JsonNode content = response.path("content");
        String text = content.path("text").asText(null);
        if (text != null && "base64".equalsIgnoreCase(content.path("encoding").asText(""))) {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        return text;
    }

    private static Optional<String> header(JsonNode message, String name) {
        for (JsonNode header : message.path("headers")) {
            if (header.path("name").asText("").equalsIgnoreCase(name)) {
                return Optional.of(header.path("value").asText(""));
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> json(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ValidationInputs.JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath();
            return path == null || path.isEmpty()
                    ? url
                    : path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
