package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar users run (`./flireo`, the Docker image), after `package`: it carries WireMock and Jetty once, relocated
 * inside the mock-server's classes, and the commands that need the libraries left out of it still run from it alone.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "flireo.jar");

    @Test
    void carriesWireMockAndJettyOnlyRelocated() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();

            assertThat(names)
                    .contains(
                            "dev/flireo/testkit/mock/shaded/wiremock/WireMockServer.class",
                            "dev/flireo/testkit/mock/shaded/jetty/server/Server.class");
            assertThat(names)
                    .noneMatch(name -> name.startsWith("com/github/tomakehurst/")
                            || name.startsWith("org/wiremock/")
                            || name.startsWith("org/eclipse/jetty/")
                            || name.startsWith("com/google/common/")
                            || name.startsWith("org/apache/hc/"));
        }
    }

    @Test
    void theMockStartsFromTheJarAndAnswersOverHttp() throws Exception {
        Path out = Files.createTempFile("flireo-jar-", ".out");
        Process mock = java(out, "mock", "--port", "0", "--no-demo-data");
        try {
            String api = await(mock, out, Pattern.compile("API:\\s+(http://\\S+)"));
            String admin = await(mock, out, Pattern.compile("admin:\\s+(http://\\S+)"));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(admin + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(api + "/assistants"))
                            .header("Authorization", "Bearer fl_jar")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"From the jar\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"name\":\"From the jar\"");
        } finally {
            mock.destroy();
            assertThat(mock.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Files.delete(out);
        }
    }

    @Test
    void theScenariosAndTheSpecsRunFromTheJar() throws Exception {
        Path out = Files.createTempFile("flireo-jar-", ".out");
        for (List<String> args : List.of(List.of("scenarios"), List.of("openapi", "--list"))) {
            Process command = java(out, args.toArray(String[]::new));

            assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(command.exitValue())
                    .as(Files.readString(out, StandardCharsets.UTF_8))
                    .isZero();
        }
        Files.delete(out);
    }

    private static Process java(Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
    }

    /** The first group of {@code pattern} once the process printed it; the banner comes when the mock is ready. */
    private static String await(Process process, Path out, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Matcher m = pattern.matcher(text);
            if (text.contains("Press Ctrl-C") && m.find()) {
                return m.group(1);
            }
            assertThat(process.isAlive()).as("the mock exited:\n" + text).isTrue();
            process.onExit().completeOnTimeout(null, 20, TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError("no banner within 60 s:\n" + Files.readString(out, StandardCharsets.UTF_8));
    }
}
