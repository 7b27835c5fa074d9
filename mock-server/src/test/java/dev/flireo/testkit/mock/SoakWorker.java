package dev.flireo.testkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * One client thread of the concurrency soak. It creates, renames (PATCH) and deletes its own assistants and tool
 * templates, renames a shared assistant that every worker renames, and lists; it records every write the mock
 * acknowledged, and after each of its own writes a list must show exactly what it wrote (read your writes), with
 * no id twice. Bounded by a count and a deadline.
 */
final class SoakWorker implements Callable<SoakWorker> {

    /** The last acknowledged name of each live assistant, and description of each live tool template. */
    final Map<String, String> assistants = new LinkedHashMap<>();

    final Map<String, String> tools = new LinkedHashMap<>();
    final Set<String> deleted = new HashSet<>();
    /** Every token this worker's renames of the shared assistant were acknowledged with. */
    final Set<String> sharedTokens = new HashSet<>();

    final List<String> problems = new ArrayList<>();

    private final String api;
    private final String key;
    private final String shared;
    private final int worker;
    private final int operations;
    private final long deadline;
    private final Random random;
    private int sequence;

    SoakWorker(String api, String key, String shared, int worker, int operations, long deadlineNanos) {
        this.api = api;
        this.key = key;
        this.shared = shared;
        this.worker = worker;
        this.operations = operations;
        this.deadline = deadlineNanos;
        this.random = new Random(worker);
    }

    @Override
    public SoakWorker call() {
        for (int i = 0; i < operations && System.nanoTime() < deadline && problems.size() < 10; i++) {
            boolean onTools = random.nextInt(3) == 0;
            Map<String, String> own = onTools ? tools : assistants;
            int pick = random.nextInt(10);
            if (pick < 4 || own.isEmpty()) {
                create(onTools);
            } else if (pick < 7) {
                rename(onTools, pick(own));
            } else if (pick < 8) {
                delete(onTools, pick(own));
            } else if (pick < 9) {
                renameShared();
            } else {
                checkList(onTools);
            }
        }
        return this;
    }

    private String token() {
        return "w" + worker + "-" + sequence++;
    }

    private String pick(Map<String, String> own) {
        List<String> ids = new ArrayList<>(own.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private void create(boolean tool) {
        String token = token();
        Http.Reply reply = tool
                ? send(
                        "POST",
                        "/tool-templates",
                        "{\"name\":\"" + token + "\",\"tool_type\":\"end_call\",\"tool_config\":{},"
                                + "\"description\":\"" + token + "\"}",
                        201)
                : send("POST", "/assistants", "{\"name\":\"" + token + "\"}", 201);
        if (reply != null) {
            (tool ? tools : assistants)
                    .put(
                            reply.json()
                                    .at(tool ? "/tool_template/id" : "/assistant/id")
                                    .asText(),
                            token);
            checkList(tool);
        }
    }

    private void rename(boolean tool, String id) {
        String token = token();
        String field = tool ? "description" : "name";
        if (send(
                        "PATCH",
                        (tool ? "/tool-templates/" : "/assistants/") + id,
                        "{\"" + field + "\":\"" + token + "\"}",
                        200)
                != null) {
            (tool ? tools : assistants).put(id, token);
            checkList(tool);
        }
    }

    private void delete(boolean tool, String id) {
        if (send("DELETE", (tool ? "/tool-templates/" : "/assistants/") + id, null, 200) != null) {
            (tool ? tools : assistants).remove(id);
            deleted.add(id);
            checkList(tool);
        }
    }

    /** Both fields get the same token in one PATCH: a torn write would leave them different. */
    private void renameShared() {
        String token = token();
        if (send(
                        "PATCH",
                        "/assistants/" + shared,
                        "{\"name\":\"" + token + "\",\"first_message\":\"" + token + "\"}",
                        200)
                != null) {
            sharedTokens.add(token);
        }
    }

    /** This worker's items as it last wrote them, its deleted ones gone, and no id listed twice. */
    private void checkList(boolean tool) {
        Http.Reply reply = send("GET", tool ? "/tool-templates" : "/assistants", null, 200);
        if (reply == null) {
            return;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode item : reply.json().get(tool ? "tool_templates" : "assistants")) {
            if (listed.put(
                            item.get("id").asText(),
                            item.path(tool ? "description" : "name").asText())
                    != null) {
                problems.add("listed twice: " + item.get("id").asText());
            }
        }
        (tool ? tools : assistants).forEach((id, value) -> {
            if (!value.equals(listed.get(id))) {
                problems.add(
                        "worker " + worker + " wrote " + value + " to " + id + ", the list shows " + listed.get(id));
            }
        });
        deleted.stream().filter(listed::containsKey).forEach(id -> problems.add("deleted " + id + " is still listed"));
    }

    /** The reply when it has the expected status, else null with the problem noted. */
    private Http.Reply send(String method, String path, String body, int expected) {
        Http.Reply reply = Http.send(method, api + path, key, body);
        if (reply.status() != expected) {
            problems.add(method + " " + path + " " + body + " -> " + reply.status() + " " + reply.body());
            return null;
        }
        return reply;
    }
}
