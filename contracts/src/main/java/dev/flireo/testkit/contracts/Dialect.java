package dev.flireo.testkit.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three JSON dialects of the platform's webhooks. */
public enum Dialect {
    /** Flireo AI, camelCase ({@code phoneNumber}, {@code toolCallList}). */
    FLIREO("flireo"),
    /** VoiceDock / HMS Sovereign, snake_case ({@code phone_number}, {@code tool_call_list}). */
    VOICEDOCK("voicedock"),
    /** The legacy Dutch platform: flat events ({@code eventType}, {@code fromCaller}). */
    LEGACY("legacy");

    private final String wireName;

    Dialect(String wireName) {
        this.wireName = wireName;
    }

    /** {@code flireo}, {@code voicedock} or {@code legacy}. */
    public String wireName() {
        return wireName;
    }

    public static Dialect fromWireName(String name) {
        for (Dialect dialect : values()) {
            if (dialect.wireName.equals(name == null ? null : name.strip().toLowerCase(Locale.ROOT))) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Dialect::wireName).collect(Collectors.joining(", ")));
    }
}
