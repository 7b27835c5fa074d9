package dev.flireo.testkit.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three JSON dialects the platform's webhooks have been sent in. */
public enum Dialect {
    /** Flireo AI (reference.flireo.com): {@code {"message": {...}}} with camelCase keys. */
    FLIREO,
    /** VoiceDock / HMS Sovereign, the successor: {@code {"message": {...}}} with snake_case keys. */
    VOICEDOCK,
    /** The legacy Dutch Flireo (doc.flireo.nl): flat events with an {@code eventType} discriminator. */
    LEGACY;

    /** {@code flireo}, {@code voicedock} or {@code legacy}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dialect for a wire name, in any case; fails naming the accepted names. */
    public static Dialect fromWireName(String name) {
        for (Dialect dialect : values()) {
            if (dialect.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Dialect::wireName).collect(Collectors.joining(", ")));
    }
}
