package dev.flireo.testkit.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Keeps webhook secrets and API keys out of what the toolkit writes for people and machines to read: reports,
 * console lines, the mock's admin API. It replaces every occurrence of the secrets it was given with
 * {@value #MARKER}, wherever it appears (a receiver may well echo its secret in an error reply), and the
 * credentials of any URL: the user-info part and the values of query parameters named like a token, key, secret,
 * password, signature or auth.
 *
 * <pre>{@code
 * Redaction.of("whsec_abc").apply("bad secret whsec_abc at https://hooks.example.com/in?token=t0k")
 *     // "bad secret *** at https://hooks.example.com/in?token=***"
 * }</pre>
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MARKER = "***";

    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/?#@\\s\"'<>]+@");
    private static final Pattern URL_CREDENTIAL = Pattern.compile(
            "(?i)([?&][^=&#\\s\"'<>]*(?:token|key|secret|password|passwd|signature|sig|auth)[^=&#\\s\"'<>]*=)"
                    + "[^&#\\s\"'<>]+");

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Redacts these secrets (blank and {@code null} ones are ignored) and URL credentials. */
    public static Redaction of(String... secrets) {
        return of(Arrays.asList(secrets));
    }

    public static Redaction of(Collection<String> secrets) {
        // Longest first, so that a secret containing another is replaced whole.
        return new Redaction(secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .distinct()
                .sorted((a, b) -> b.length() - a.length())
                .toList());
    }

    /** Only URL credentials. */
    public static String url(String text) {
        return of().apply(text);
    }

    /** The text with every secret and every URL credential replaced by {@value #MARKER}; {@code null} stays. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MARKER);
        }
        out = URL_USER_INFO.matcher(out).replaceAll(MARKER + "@");
        return URL_CREDENTIAL.matcher(out).replaceAll("$1" + MARKER);
    }

    /**
     * A copy of the delivery whose reply, error and verdict, which come from the receiver, are redacted. The request
     * is left as sent: its headers carry an HMAC of the secret, never the secret.
     */
    public Delivery apply(Delivery delivery) {
        Verdict verdict = delivery.verdict() == null
                ? null
                : new Verdict(
                        delivery.verdict().outcome(), apply(delivery.verdict().reason()));
        String text = delivery.replyText();
        String redacted = apply(text);
        byte[] reply = redacted.equals(text) ? delivery.reply() : redacted.getBytes(StandardCharsets.UTF_8);
        return new Delivery(
                delivery.request(), delivery.status(), reply, delivery.latency(), apply(delivery.error()), verdict);
    }
}
