package dev.flireo.testkit.mock.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The stored collections of resources. The wire name (the constant in lower case) is the key of the collection in
 * exports, imports, seed and state files, so renaming a constant changes the file format.
 */
public enum Resource {
    ASSISTANTS,
    CALLS,
    NUMBERS,
    SIP_TRUNKS,
    TOOL_TEMPLATES,
    ANALYSIS_TEMPLATES,
    CAMPAIGNS,
    LEADS,
    MCP_SERVERS,
    WORKFLOWS,
    USAGE,
    ORGANIZATIONS,
    CHATS,
    LEGACY_ASSISTANTS,
    LEGACY_CALLS,
    LEGACY_CONTACTS,
    LEGACY_PHONE_NUMBERS,
    LEGACY_PHONE_NUMBER_ORDERS,
    LEGACY_SCHEDULED_CALLS,
    LEGACY_SIP_CONNECTIONS,
    LEGACY_VERIFICATION_GROUPS,
    LEGACY_VERIFICATION_DOCUMENTS;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** The collection of a wire name ({@code "calls"}), empty for any other name. */
    public static Optional<Resource> named(String wireName) {
        for (Resource r : values()) {
            if (r.wireName.equals(wireName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
