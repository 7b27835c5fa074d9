package dev.flireo.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated client runs with Jackson and nothing else: loaded on a class path of this module's classes and the
 * Jackson jars alone, it lists a stub server's assistants over real HTTP.
 */
class ClientRuntimeTest {

    private static final String ASSISTANTS = """
            {"assistants":[{"id":"7d0c6f0e-4d1a-4c59-9a0e-3f4c2b1a0d9e","name":"Front desk"}]}""";

    @Test
    void theClientNeedsOnlyJacksonAtRunTime() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/api/v1/assistants", exchange -> {
            byte[] body = ASSISTANTS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try (URLClassLoader onlyJackson =
                new URLClassLoader(classesAndJackson(), ClassLoader.getPlatformClassLoader())) {
            Class<?> apiClient = onlyJackson.loadClass("dev.flireo.testkit.openapi.client.ApiClient");
            Object client = apiClient.getConstructor().newInstance();
            apiClient
                    .getMethod("updateBaseUri", String.class)
                    .invoke(client, "http://127.0.0.1:" + stub.getAddress().getPort() + "/api/v1");
            Class<?> assistantsApi = onlyJackson.loadClass("dev.flireo.testkit.openapi.client.api.AssistantsApi");
            Object api = assistantsApi.getConstructor(apiClient).newInstance(client);

            Object list = assistantsApi.getMethod("listAssistants").invoke(api);

            assertThat(list.toString()).contains("Front desk");
        } finally {
            stub.stop(0);
        }
    }

    private static URL[] classesAndJackson() {
        List<String> entries = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(Path.of("target", "classes").toString())
                        || Path.of(entry).getFileName().toString().startsWith("jackson-"))
                .toList();
        assertThat(entries).as("this module's classes and the Jackson jars").hasSizeGreaterThanOrEqualTo(5);
        return entries.stream()
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }
}
