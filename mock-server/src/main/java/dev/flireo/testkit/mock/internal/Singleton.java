package dev.flireo.testkit.mock.internal;

import java.util.Locale;
import java.util.Optional;

/** The stored single documents; the wire name is their key in exports, imports, seed and state files. */
public enum Singleton {
    ACCOUNT,
    BYOK_KEYS,
    BYOK_CONFIG,
    DOMAIN,
    RESEND_DOMAINS,
    RETENTION,
    LEGACY_USER;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** The singleton of a wire name ({@code "account"}), empty for any other name. */
    public static Optional<Singleton> named(String wireName) {
        for (Singleton s : values()) {
            if (s.wireName.equals(wireName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
