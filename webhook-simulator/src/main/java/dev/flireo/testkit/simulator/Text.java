package dev.flireo.testkit.simulator;

import java.util.Map;
import java.util.Set;

/** A scenario text in one or more languages ({@code nl}, {@code en}), with {@code {{variable}}} placeholders. */
record Text(Map<String, String> byLanguage) {

    static final Set<String> LANGUAGES = Set.of("nl", "en");

    /** The same template for every language. */
    static Text any(String template) {
        return new Text(Map.of("nl", template, "en", template));
    }

    String in(String language) {
        return byLanguage.get(language);
    }
}
