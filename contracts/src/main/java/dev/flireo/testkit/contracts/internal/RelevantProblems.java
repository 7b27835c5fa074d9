package dev.flireo.testkit.contracts.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a validator's problems an answer reports, and in what order. JSON Schema validators report every
 * failed rule of every oneOf/anyOf branch; most of them describe kinds of object the body is not.
 */
final class RelevantProblems {

    /** Keywords whose failure only summarises the failures of their branches. */
    private static final Set<String> COMPOSITE = Set.of("oneOf", "anyOf", "allOf", "not", "if", "then", "else");

    /** Most relevant first: a missing field, then concrete rules before summaries, the deepest field first. */
    private static final Comparator<RequestProblem> RELEVANCE = Comparator.comparing(
                    (RequestProblem p) -> !"required".equals(p.keyword()))
            .thenComparing(p -> COMPOSITE.contains(p.keyword()))
            .thenComparing(p -> -depth(p.field()))
            .thenComparing(RequestProblem::field);

    private RelevantProblems() {}

    /** The problem to report when there is room for one (a query parameter's single value). */
    static RequestProblem first(List<RequestProblem> problems) {
        return of(problems).get(0);
    }

    /**
     * The problems to report, one per field: missing fields first (outermost first), then the rest in the order
     * found. A oneOf/anyOf summary goes when a concrete rule at or under its field says more; of the branches of
     * one oneOf/anyOf at one place only the one holding the most relevant problem counts (what the other branches
     * would need is noise: the body is not that kind).
     */
    static List<RequestProblem> of(List<RequestProblem> problems) {
        List<RequestProblem> kept = matchingBranches(problems);
        List<RequestProblem> concrete =
                kept.stream().filter(p -> !COMPOSITE.contains(p.keyword())).toList();
        Map<String, String> chosen = new HashMap<>();
        Map<String, RequestProblem> out = new LinkedHashMap<>();
        for (RequestProblem p : kept.stream().sorted(RELEVANCE).toList()) {
            boolean summarised =
                    COMPOSITE.contains(p.keyword()) && concrete.stream().anyMatch(c -> under(c.field(), p.field()));
            Map<String, String> branches = branches(p);
            boolean otherBranch = branches.entrySet().stream()
                    .anyMatch(
                            b -> !chosen.getOrDefault(b.getKey(), b.getValue()).equals(b.getValue()));
            if (!summarised && !otherBranch && !out.containsKey(p.field())) {
                chosen.putAll(branches);
                out.put(p.field(), p);
            }
        }
        return out.values().stream()
                .sorted(Comparator.comparing((RequestProblem p) -> !"required".equals(p.keyword()))
                        .thenComparing(p -> "required".equals(p.keyword()) ? depth(p.field()) : 0)
                        .thenComparing(kept::indexOf))
                .toList();
    }

    /**
     * Drops the problems of branches that are another kind of object: in a oneOf/anyOf, a branch whose
     * {@code const} or {@code false} schema failed, or whose {@code type} property is not one of its values (the
     * discriminator of every oneOf in the specs). Where no branch takes the body's {@code type}, that is the one
     * problem at that place: its summary becomes "expected one of" the values the branches take.
     */
    private static List<RequestProblem> matchingBranches(List<RequestProblem> problems) {
        Map<String, Set<String>> wrong = new HashMap<>();
        Map<String, String> discriminator = new HashMap<>();
        Map<String, Set<String>> values = new HashMap<>();
        for (RequestProblem p : problems) {
            Map.Entry<String, String> inner = innermost(branches(p));
            if (inner != null && discriminates(p, inner.getKey())) {
                wrong.computeIfAbsent(inner.getKey(), k -> new HashSet<>()).add(inner.getValue());
                discriminator.putIfAbsent(inner.getKey(), p.field());
                if (p.schema() != null && !p.keyword().equals("false")) {
                    Set<String> taken = values.computeIfAbsent(inner.getKey(), k -> new java.util.LinkedHashSet<>());
                    (p.schema().isArray() ? p.schema() : List.of(p.schema())).forEach(v -> taken.add(v.asText()));
                }
            }
        }
        List<RequestProblem> out = new ArrayList<>();
        for (RequestProblem p : problems) {
            boolean summary = p.keyword().equals("oneOf") || p.keyword().equals("anyOf");
            if (!summary
                    && branches(p).entrySet().stream()
                            .anyMatch(b ->
                                    wrong.getOrDefault(b.getKey(), Set.of()).contains(b.getValue()))) {
                continue;
            }
            String key = summary
                    ? p.evaluationPath().substring(0, p.evaluationPath().lastIndexOf('/')) + "@" + p.field()
                    : null;
            boolean noBranchLeft = summary
                    && discriminator.containsKey(key)
                    && problems.stream()
                            .noneMatch(q -> !COMPOSITE.contains(q.keyword())
                                    && branches(q).containsKey(key)
                                    && !wrong.get(key).contains(branches(q).get(key)));
            out.add(
                    noBranchLeft
                            ? RequestProblem.of(
                                    "enum",
                                    discriminator.get(key),
                                    "expected one of " + String.join(", ", values.getOrDefault(key, Set.of())))
                            : p);
        }
        return out;
    }

    private static boolean discriminates(RequestProblem p, String key) {
        String where = key.substring(key.indexOf('@') + 1);
        return p.keyword().equals("const")
                || p.keyword().equals("false")
                || p.keyword().equals("enum") && p.field().equals(where.isEmpty() ? "type" : where + ".type");
    }

    private static Map.Entry<String, String> innermost(Map<String, String> branches) {
        Map.Entry<String, String> last = null;
        for (Map.Entry<String, String> e : branches.entrySet()) {
            last = e;
        }
        return last;
    }

    private static boolean under(String field, String parent) {
        return parent.isEmpty()
                || field.equals(parent)
                || field.startsWith(parent + ".")
                || field.startsWith(parent + "[");
    }

    /**
     * The oneOf/anyOf branches a problem was found in, outermost first: "schema path @ field" of each oneOf/anyOf
     * on its evaluation path, to the branch index. The field tells the items of an array apart.
     */
    private static Map<String, String> branches(RequestProblem p) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] tokens = p.evaluationPath().split("/");
        List<String> location = Arrays.stream(p.field().split("\\.|(?=\\[)"))
                .filter(t -> !t.isEmpty())
                .toList();
        int depth = 0;
        for (int i = 0; i < tokens.length - 1; i++) {
            switch (tokens[i]) {
                case "properties", "patternProperties", "prefixItems" -> {
                    depth++;
                    i++;
                }
                case "items",
                        "additionalProperties",
                        "additionalItems",
                        "unevaluatedItems",
                        "unevaluatedProperties",
                        "contains" -> depth++;
                case "oneOf", "anyOf" -> {
                    String where = String.join(".", location.subList(0, Math.min(depth, location.size())))
                            .replace(".[", "[");
                    out.put(String.join("/", Arrays.copyOfRange(tokens, 0, i)) + "@" + where, tokens[i + 1]);
                    i++;
                }
                default -> {}
            }
        }
        return out;
    }

    private static int depth(String field) {
        return field.isEmpty() ? 0 : field.split("[.\\[]").length;
    }
}
