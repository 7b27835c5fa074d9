package dev.flireo.testkit.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds swallowed exceptions in Java source. Bytecode cannot tell an empty catch block from one that only falls
 * through, so this reads the source: a catch block swallows when it holds no statement at all. The one way to drop
 * an exception on purpose is to call it {@code ignored} and say why in a comment, and even that is refused for the
 * broad types (Exception, RuntimeException, Error, Throwable), whose silence hides bugs.
 */
final class CatchBlocks {

    private static final Pattern CATCH = Pattern.compile("\\bcatch\\s*\\(([^)]*)\\)\\s*\\{");
    private static final Set<String> BROAD = Set.of("Exception", "RuntimeException", "Error", "Throwable");

    private CatchBlocks() {}

    /** One line per swallowing catch block: its line number and its clause. */
    static List<String> swallowed(String source) {
        Masked masked = Masked.of(source);
        List<String> found = new ArrayList<>();
        Matcher clause = CATCH.matcher(masked.code);
        while (clause.find()) {
            int open = clause.end() - 1;
            int close = masked.closingBrace(open);
            if (swallows(clause.group(1).trim(), masked, open + 1, close)) {
                int line = (int) source.substring(0, clause.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                found.add("line " + line + ": catch (" + clause.group(1).trim() + ")");
            }
        }
        return found;
    }

    private static boolean swallows(String parameter, Masked masked, int from, int to) {
        if (!masked.code.substring(from, to).isBlank()) {
            return false;
        }
        String[] words = parameter.split("\\s+");
        String name = words[words.length - 1];
        boolean broad = false;
        for (String type : parameter.substring(0, parameter.lastIndexOf(name)).split("\\|")) {
            String simple = type.replace("final", "").trim();
            broad |= BROAD.contains(simple.substring(simple.lastIndexOf('.') + 1));
        }
        return !name.equals("ignored") || broad || !masked.hasComment(from, to);
    }

    /** The source with comments and literals blanked out (same length, same lines), and where the comments were. */
    private record Masked(String code, boolean[] comment) {

        static Masked of(String source) {
            char[] code = source.toCharArray();
            boolean[] comment = new boolean[code.length];
            int i = 0;
            while (i < code.length) {
                if (source.startsWith("//", i)) {
                    i = blank(code, comment, i, endOfLine(source, i), true);
                } else if (source.startsWith("/*", i)) {
                    i = blank(code, comment, i, after(source, "*/", i + 2), true);
                } else if (source.startsWith("\"\"\"", i)) {
                    i = blank(code, comment, i + 3, literalEnd(source, "\"\"\"", i + 3), false);
                } else if (code[i] == '"' || code[i] == '\'') {
                    i = blank(code, comment, i + 1, literalEnd(source, String.valueOf(code[i]), i + 1), false);
                } else {
                    i++;
                }
            }
            return new Masked(new String(code), comment);
        }

        int closingBrace(int open) {
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                char c = code.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced braces after offset " + open);
        }

        boolean hasComment(int from, int to) {
            for (int i = from; i < to; i++) {
                if (comment[i]) {
                    return true;
                }
            }
            return false;
        }

        private static int blank(char[] code, boolean[] comment, int from, int to, boolean isComment) {
            for (int i = from; i < to; i++) {
                if (code[i] != '\n') {
                    code[i] = ' ';
                }
                comment[i] = isComment;
            }
            return to;
        }

        private static int endOfLine(String source, int from) {
            int end = source.indexOf('\n', from);
            return end < 0 ? source.length() : end;
        }

        private static int after(String source, String token, int from) {
            int end = source.indexOf(token, from);
            return end < 0 ? source.length() : end + token.length();
        }

        /** The offset just past the literal's closing quote(s), skipping escaped characters. */
        private static int literalEnd(String source, String quote, int from) {
            int i = from;
            while (i < source.length() && !source.startsWith(quote, i)) {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i + quote.length(), source.length());
        }
    }
}
