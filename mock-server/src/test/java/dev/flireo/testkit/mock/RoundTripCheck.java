package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.mock.internal.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * After an accepted request: what it stored can be served again. Its path and its parent (the resource and the
 * list) answer over HTTP, a created resource can be got by its id, the whole state comes out of
 * {@code GET /__flireo/state} (what the state file writer writes), and a second server loads that document and
 * exports it unchanged (what a restart from the state file does).
 */
final class RoundTripCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlireoMockExtension flireo;
    private final FlireoMockServer scratch;

    RoundTripCheck(FlireoMockExtension flireo, FlireoMockServer scratch) {
        this.flireo = flireo;
        this.scratch = scratch;
    }

    /** The problem with serving what the accepted request stored, or null. */
    String problem(RequestFuzzer.Case c, RawHttp.Reply accepted) {
        for (String path : reads(c, accepted)) {
            RawHttp.Reply reply = get(path);
            if (reply.status() >= 500 || parse(reply.body()) == null) {
                return "after it was accepted, GET " + path + " answered " + reply.status() + " "
                        + RawHttp.abbreviate(reply.body(), 200);
            }
        }
        RawHttp.Reply exported = get("/__flireo/state?secrets=include");
        JsonNode state = parse(exported.body());
        if (exported.status() != 200 || state == null) {
            return "after it was accepted, the state export answered " + exported.status() + " "
                    + RawHttp.abbreviate(exported.body(), 200);
        }
        try {
            scratch.state().replace(state);
        } catch (RuntimeException e) {
            return "after it was accepted, the exported state does not load: " + e.getMessage();
        }
        return scratch.state().export().equals(state)
                ? null
                : "after it was accepted, the exported state loads differently";
    }

    /** The request's own path and its parent where they can be read, and a created resource by its id. */
    private static List<String> reads(RequestFuzzer.Case c, RawHttp.Reply accepted) {
        Route route = c.route();
        String path = c.request().target().split("\\?")[0];
        List<String> candidates = new ArrayList<>(List.of(path, path.substring(0, Math.max(0, path.lastIndexOf('/')))));
        JsonNode answer = parse(accepted.body());
        if (route.method().equals("POST") && answer != null) {
            List<JsonNode> resources = new ArrayList<>(List.of(answer));
            answer.elements().forEachRemaining(resources::add);
            resources.stream()
                    .filter(r -> r.path("id").isTextual())
                    .findFirst()
                    .ifPresent(r -> candidates.add(path + "/" + r.get("id").asText()));
        }
        return candidates.stream()
                .filter(p -> !p.isEmpty()
                        && p.startsWith(route.spec().prefix())
                        && SpecSamples.contracts(route).operationFor("GET", p).isPresent())
                .distinct()
                .toList();
    }

    private RawHttp.Reply get(String target) {
        return RawHttp.exchange(
                flireo.port(),
                new RawHttp.Request(
                        "GET",
                        target,
                        RawHttp.headers("Host", "127.0.0.1", "Authorization", "Bearer " + flireo.apiKey()),
                        new byte[0],
                        false));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
