package dev.flireo.testkit.testcontainers;

import dev.flireo.testkit.openapi.client.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The Flireo mock server (image {@code flireo-testkit:local}, built by the README's {@code docker build}) as a
 * container.
 *
 * <pre>{@code
 * @Container
 * static FlireoMockContainer flireo = new FlireoMockContainer().withApiKey("test-key");
 * ...
 * new AssistantsApi(flireo.client()).listAssistants();
 * }</pre>
 *
 * <p>Webhooks the mock sends reach a receiver on the host at {@link #hostUrl(int)}: the container resolves
 * {@value #HOST_ALIAS} to the host's gateway, which needs no helper image (unlike {@code exposeHostPorts}).
 */
public class FlireoMockContainer extends GenericContainer<FlireoMockContainer> {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("flireo-testkit:local");
    public static final int PORT = 8080;
    public static final String HOST_ALIAS = "host.docker.internal";

    private static final String ANY_KEY = "fl_test";
    private static final String SEED_PATH = "/opt/flireo/seed.json";

    private final List<String> apiKeys = new ArrayList<>();

    public FlireoMockContainer() {
        this(DEFAULT_IMAGE_NAME);
    }

    public FlireoMockContainer(String imageName) {
        this(DockerImageName.parse(imageName));
    }

    public FlireoMockContainer(DockerImageName imageName) {
        super(imageName);
        if (LocalImageOnly.isLocalBuild(imageName)) {
            withImagePullPolicy(new LocalImageOnly());
        }
        withExposedPorts(PORT);
        withEnv("FLIREO_PORT", String.valueOf(PORT));
        withExtraHost(HOST_ALIAS, "host-gateway");
        waitingFor(Wait.forHttp("/__flireo/health")
                .forPort(PORT)
                .forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** An API key the mock accepts as {@code Authorization: Bearer KEY}; call again to add more. */
    public FlireoMockContainer withApiKey(String apiKey) {
        apiKeys.add(apiKey);
        return withEnv("FLIREO_API_KEYS", String.join(",", apiKeys));
    }

    /** A seed file (assistants, numbers, calls) the mock loads at start-up. */
    public FlireoMockContainer withSeed(MountableFile seed) {
        withCopyFileToContainer(seed, SEED_PATH);
        return withEnv("FLIREO_SEED", SEED_PATH);
    }

    /** How fast call lifecycles run: 10 makes a 60 s call end in 6 s. */
    public FlireoMockContainer withTimeScale(double timeScale) {
        return withEnv("FLIREO_TIME_SCALE", String.valueOf(timeScale));
    }

    /** The largest request body the mock reads, in bytes (1 MiB by default); larger ones get 413. */
    public FlireoMockContainer withMaxBodySize(long bytes) {
        return withEnv("FLIREO_MAX_BODY_SIZE", String.valueOf(bytes));
    }

    /**
     * The payload dialect of the live calls' webhooks: {@code voicedock} (snake_case, the mock's default) or
     * {@code flireo} (camelCase).
     */
    public FlireoMockContainer withWebhookDialect(String dialect) {
        if (!"voicedock".equals(dialect) && !"flireo".equals(dialect)) {
            throw new IllegalArgumentException("the webhook dialect is voicedock or flireo, got '" + dialect + "'");
        }
        return withEnv("FLIREO_WEBHOOK_DIALECT", dialect);
    }

    /** The REST API's base URL, e.g. {@code http://localhost:32768/api/v1}. */
    public String getBaseUrl() {
        return getHostUrl() + "/api/v1";
    }

    /**
     * A new generated client on {@link #getBaseUrl()} that sends the first {@link #withApiKey(String) API key}
     * (without one the mock accepts any key, and this sends {@value #ANY_KEY}).
     */
    public ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(getBaseUrl());
        String bearer = "Bearer " + (apiKeys.isEmpty() ? ANY_KEY : apiKeys.get(0));
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    /** The admin API's base URL ({@code /__flireo}): health, deliveries, inbound calls. */
    public String getAdminUrl() {
        return getHostUrl() + "/__flireo";
    }

    /** A URL on the host as the container sees it, e.g. for an assistant's {@code webhook_url}. */
    public static String hostUrl(int hostPort) {
        return "http://" + HOST_ALIAS + ":" + hostPort;
    }

    private String getHostUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }
}
