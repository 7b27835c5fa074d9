package dev.flireo.testkit.contracts.internal;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reduces the errors of a failed {@code oneOf}/{@code anyOf} to those of the branch the payload most likely meant,
 * or to one "matches none of the shapes" finding. The validator reports every branch's errors: for
 * {@code "number": "0612"} against {@code oneOf: [E164, null]} a pattern error and a "null expected" error, of
 * which only the first helps. Branches are told apart by the evaluation path ({@code .../oneOf/2/...}) and, for
 * array items sharing one schema path, by the instance location.
 */
final class ErrorCollapser {

    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf");
    private static final Set<String> SHAPE_KEYWORDS =
            Set.of("required", "maxProperties", "minProperties", "dependentRequired");
    private static final Set<String> ONE_LEVEL_DOWN =
            Set.of("items", "additionalProperties", "contains", "unevaluatedItems", "unevaluatedProperties");

    private ErrorCollapser() {}

    /** A finding to report: a validator message, or a combinator none of whose branches fits. */
    sealed interface Finding permits Reported, Unmatched {
        List<String> eval();

        String pointer();

        String keyword();
    }

    record Reported(ValidationMessage message, List<String> eval) implements Finding {
        public String pointer() {
            return message.getInstanceLocation().toString();
        }

        public String keyword() {
            return message.getType();
        }
    }

    record Unmatched(String keyword, List<String> eval, String pointer, SchemaRef combinator) implements Finding {}

    static List<Finding> collapse(List<ValidationMessage> messages, SchemaRef root) {
        List<Finding> findings = new ArrayList<>();
        Set<List<String>> combinators = new LinkedHashSet<>();
        for (ValidationMessage m : messages) {
            Reported reported = new Reported(m, elements(m.getEvaluationPath()));
            findings.add(reported);
            List<String> eval = reported.eval();
            for (int i = 0; i + 1 < eval.size(); i++) {
                if (COMBINATORS.contains(eval.get(i)) && isIndex(eval.get(i + 1))) {
                    combinators.add(List.copyOf(eval.subList(0, i + 1)));
                }
            }
            if (COMBINATORS.contains(m.getType())) {
                combinators.add(eval);
            }
        }
        int rootDepth = root.pointer().isEmpty() ? 0 : root.pointer().split("/", -1).length - 1;
        combinators.stream()
                .sorted(Comparator.comparingInt((List<String> path) -> path.size())
                        .reversed())
                .forEach(path -> collapse(path, rootDepth, root, findings));
        return findings;
    }

    private static void collapse(List<String> path, int rootDepth, SchemaRef root, List<Finding> findings) {
        int depth = instanceDepth(path, rootDepth);
        Map<String, List<Finding>> byInstance = new LinkedHashMap<>();
        for (Finding f : findings) {
            boolean member = f.eval().size() > path.size()
                    && f.eval().subList(0, path.size()).equals(path)
                    && isIndex(f.eval().get(path.size()));
            boolean self = f instanceof Reported && f.eval().equals(path);
            if (member || self) {
                String at = self ? f.pointer() : truncate(f.pointer(), depth);
                byInstance.computeIfAbsent(at, a -> new ArrayList<>()).add(f);
            }
        }
        byInstance.forEach((at, group) -> collapseGroup(path, at, group, root, findings));
    }

    private static void collapseGroup(
            List<String> path, String at, List<Finding> group, SchemaRef root, List<Finding> findings) {
        Map<Integer, List<Finding>> branches = new TreeMap<>();
        for (Finding f : group) {
            if (f.eval().size() > path.size()) {
                branches.computeIfAbsent(Integer.parseInt(f.eval().get(path.size())), i -> new ArrayList<>())
                        .add(f);
            }
        }
        if (branches.isEmpty()) {
            return;
        }
        List<List<Finding>> candidates = branches.values().stream()
                .filter(errors -> errors.stream()
                        .noneMatch(
                                f -> "type".equals(f.keyword()) && f.pointer().equals(at)))
                .toList();
        int position = group.stream().mapToInt(findings::indexOf).min().orElse(findings.size());
        findings.removeAll(group);
        List<Finding> replacement = List.of(new Unmatched(path.get(path.size() - 1), path, at, walk(root, path)));
        if (!candidates.isEmpty()) {
            List<Finding> best = candidates.stream()
                    .min(Comparator.comparingLong((List<Finding> errors) -> misses(errors, at))
                            .thenComparing(Comparator.comparingInt(ErrorCollapser::maxDepth)
                                    .reversed())
                            .thenComparingInt(List::size))
                    .orElseThrow();
            boolean shapeOnly = best.stream()
                    .allMatch(f ->
                            SHAPE_KEYWORDS.contains(f.keyword()) && f.pointer().equals(at));
            if (candidates.size() == 1 || (!shapeOnly && misses(best, at) == 0)) {
                replacement = best;
            }
        }
        findings.addAll(Math.min(position, findings.size()), replacement);
    }

    // A const/enum failing on a direct field (tools[0].type), or a failing `not`, says another branch was meant.
    private static long misses(List<Finding> errors, String at) {
        int depth = depth(at);
        return errors.stream()
                .filter(f ->
                        (("const".equals(f.keyword()) || "enum".equals(f.keyword())) && depth(f.pointer()) == depth + 1)
                                || ("not".equals(f.keyword()) && depth(f.pointer()) == depth))
                .count();
    }

    private static int maxDepth(List<Finding> errors) {
        return errors.stream().mapToInt(f -> depth(f.pointer())).max().orElse(0);
    }

    private static int depth(String pointer) {
        return (int) pointer.chars().filter(c -> c == '/').count();
    }

    /** How many instance levels a schema path descends: {@code properties/x} and {@code items} go one down. */
    private static int instanceDepth(List<String> path, int rootDepth) {
        int depth = 0;
        for (int i = rootDepth; i < path.size(); i++) {
            String keyword = path.get(i);
            if (keyword.equals("properties") || keyword.equals("patternProperties") || keyword.equals("prefixItems")) {
                depth++;
                i++;
            } else if (ONE_LEVEL_DOWN.contains(keyword)) {
                depth++;
            } else if (COMBINATORS.contains(keyword) || keyword.equals("allOf") || keyword.equals("dependentSchemas")) {
                i++;
            }
        }
        return depth;
    }

    /** The first {@code segments} segments of a JSON pointer. */
    private static String truncate(String pointer, int segments) {
        int count = 0;
        for (int i = 1; i <= pointer.length() && segments > 0; i++) {
            if (i == pointer.length() || pointer.charAt(i) == '/') {
                if (++count == segments) {
                    return pointer.substring(0, i);
                }
            }
        }
        return segments == 0 ? "" : pointer;
    }

    private static SchemaRef walk(SchemaRef root, List<String> path) {
        SchemaRef at = new SchemaRef(root.document(), "");
        for (String element : path) {
            at = element.equals("$ref") ? at.resolve(at.node().get("$ref").asText()) : at.child(element);
        }
        return at;
    }

    private static List<String> elements(JsonNodePath path) {
        List<String> elements = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(String.valueOf(path.getElement(i)));
        }
        return List.copyOf(elements);
    }

    private static boolean isIndex(String element) {
        return !element.isEmpty() && element.chars().allMatch(Character::isDigit);
    }
}
