package dev.flireo.testkit.examples.clinic;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The service's settings, from command-line options or, for anything not given there, environment variables. */
public record Settings(
        int port,
        String webhookSecret,
        String flireoUrl,
        String apiKey,
        String database,
        OpeningHours openingHours,
        URI publicUrl,
        boolean help) {

    static final String USAGE = """
            Usage: ./flireo example clinic --webhook-secret SECRET [--api-key KEY] [options]

              --webhook-secret S  the assistant's webhook_secret; every webhook must be signed with it
                                  (env FLIREO_WEBHOOK_SECRET; required)
              --api-key K         Flireo API key; with it the service creates its assistant and places reminder
                                  calls (env FLIREO_API_KEY; without it only webhooks are served)
              --flireo-url URL    the Flireo API (env FLIREO_URL; default http://127.0.0.1:8080/api/v1, the mock)
              --port N            where webhooks are received, on 127.0.0.1 (env CLINIC_PORT; default 8081)
              --public-url URL    the webhook_url to register, when the platform reaches this service through a
                                  tunnel or proxy (env CLINIC_PUBLIC_URL; default http://127.0.0.1:PORT/webhooks)
              --database JDBC     an H2 JDBC URL, e.g. jdbc:h2:./clinic (env CLINIC_DATABASE; default in memory)
              --opening-hours H   e.g. "Mon-Fri 08:00-18:00, Sat 09:00-12:00" or always (env CLINIC_OPENING_HOURS)
              --help              this text
            """;

    private static final Map<String, String> ENV = Map.of(
            "--port",
            "CLINIC_PORT",
            "--webhook-secret",
            "FLIREO_WEBHOOK_SECRET",
            "--flireo-url",
            "FLIREO_URL",
            "--api-key",
            "FLIREO_API_KEY",
            "--database",
            "CLINIC_DATABASE",
            "--opening-hours",
            "CLINIC_OPENING_HOURS",
            "--public-url",
            "CLINIC_PUBLIC_URL");

    /** @throws IllegalArgumentException naming the option and what was expected */
    public static Settings parse(List<String> args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        ENV.forEach((option, variable) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(option, value.strip());
            }
        });
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Settings(0, null, null, null, null, null, null, true);
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!ENV.containsKey(option)) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
            if (arg.contains("=")) {
                values.put(option, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.size()) {
                values.put(option, args.get(++i));
            } else {
                throw new IllegalArgumentException(option + " needs a value");
            }
        }
        String secret = values.get("--webhook-secret");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("--webhook-secret (or FLIREO_WEBHOOK_SECRET) is required: "
                    + "the clinic verifies the signature of every webhook");
        }
        int port = port(values.getOrDefault("--port", "8081"));
        URI publicUrl = values.containsKey("--public-url") ? url("--public-url", values.get("--public-url")) : null;
        return new Settings(
                port,
                secret,
                url("--flireo-url", values.getOrDefault("--flireo-url", "http://127.0.0.1:8080/api/v1"))
                        .toString(),
                values.get("--api-key"),
                values.getOrDefault("--database", "jdbc:h2:mem:clinic;DB_CLOSE_DELAY=-1"),
                OpeningHours.parse(values.getOrDefault(
                        "--opening-hours", OpeningHours.weekdays().toString())),
                publicUrl,
                false);
    }

    /** The webhook_url to register: {@code --public-url}, else where the server actually listens. */
    public URI webhookUrl(URI listening) {
        return publicUrl != null ? publicUrl : listening;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // not a number: reported below, as is a number out of range
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got '" + text + "'");
    }

    private static URI url(String option, String text) {
        try {
            URI uri = URI.create(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // not a URI at all: reported below, as is a URI of another scheme
        }
        throw new IllegalArgumentException(option + " must be an http:// or https:// URL, got '" + text + "'");
    }
}
