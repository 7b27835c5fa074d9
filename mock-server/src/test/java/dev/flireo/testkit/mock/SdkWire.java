package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a table of SDK requests against the mock over real HTTP and checks each answer for the keys the SDK reads
 * (see {@link SdkCompatibilityAcceptanceTest} for the notation).
 */
final class SdkWire {

    /** One step of a table: a request the SDK sends, or the mock's clock moving on. */
    sealed interface Step permits Row, Advance {}

    record Row(String sdk, String method, String path, String body, List<String> reads) implements Step {}

    record Advance(Duration by) implements Step {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final FlireoMockExtension flireo;
    private final Map<String, String> remembered = new HashMap<>();
    private final Set<String> operations = new LinkedHashSet<>();
    private JsonNode last;

    SdkWire(FlireoMockExtension flireo) {
        this.flireo = flireo;
    }

    static Row row(String sdk, String request, String body, String reads) {
        String[] methodAndPath = request.split(" ", 2);
        List<String> list = reads.isEmpty()
                ? List.of()
                : Arrays.stream(reads.split(",")).map(String::strip).toList();
        return new Row(sdk, methodAndPath[0], methodAndPath[1], body, list);
    }

    static Advance advance(Duration by) {
        return new Advance(by);
    }

    void run(List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Advance a) {
                flireo.clock().advance(a.by());
            } else {
                send((Row) step);
            }
        }
    }

    private void send(Row row) {
        String path = fill(row.path(), true);
        String body = row.body() == null ? null : fill(row.body(), false);
        Http.Reply reply = Http.send(row.method(), flireo.baseUrl() + path, flireo.apiKey(), body);
        String what = row.sdk() + ": " + row.method() + " " + path + (body == null ? "" : " " + body) + " -> "
                + reply.status() + " " + reply.body();
        assertThat(reply.status()).as(what).isBetween(200, 299);
        last = reply.body().isEmpty() ? null : reply.json();
        for (String read : row.reads()) {
            check(what, read);
        }
        operations.add(row.sdk().replaceAll("\\(.*\\)$", ""));
    }

    /** {@code pointer[?] type[|type] [>name]}: the key exists (unless optional) and has one of the types. */
    private void check(String what, String read) {
        String[] parts = read.split(" ");
        boolean optional = parts[0].endsWith("?");
        String pointer = optional ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
        JsonNode value = last == null ? null : last.at(pointer);
        if (value == null || value.isMissingNode()) {
            assertThat(optional)
                    .as(what + "\n  the SDK reads " + pointer + ", which is missing")
                    .isTrue();
            return;
        }
        List<String> types = List.of(parts[1].split("\\|"));
        String type = typeOf(value);
        // A TypeScript number is any JSON number, integral or not.
        assertThat(types.contains(type) || type.equals("integer") && types.contains("number"))
                .as(what + "\n  " + pointer + " = " + value + ", the SDK reads " + parts[1])
                .isTrue();
        if (parts.length > 2 && parts[2].startsWith(">")) {
            remembered.put(parts[2].substring(1), value.asText());
        }
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.isNumber()
                ? "number"
                : value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
    }

    /** Fills {@code {name}}: in a path as SDK v2.2.0's encodeURIComponent does, in a body as it is. */
    private String fill(String text, boolean encode) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = remembered.get(m.group(1));
            if (value == null) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encode ? encodeUriComponent(value) : value));
        }
        return m.appendTail(out).toString();
    }

    static String encodeUriComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%21", "!")
                .replace("%27", "'")
                .replace("%28", "(")
                .replace("%29", ")")
                .replace("%7E", "~");
    }

    void remember(String name, String value) {
        remembered.put(name, value);
    }

    String remembered(String name) {
        return remembered.get(name);
    }

    /** A value of the last answer. */
    String value(String pointer) {
        return last.at(pointer).asText();
    }

    /** The SDK methods the table called. */
    Set<String> operations() {
        return operations;
    }
}
