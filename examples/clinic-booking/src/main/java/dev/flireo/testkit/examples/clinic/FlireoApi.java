package dev.flireo.testkit.examples.clinic;

import dev.flireo.testkit.openapi.client.ApiClient;
import java.time.Duration;

/** The generated Flireo client, pointed at a base URL and authorised with an API key. */
public final class FlireoApi {

    private FlireoApi() {}

    /** @param baseUrl e.g. {@code https://api.flireo.com/api/v1}, or a mock's {@code http://127.0.0.1:8080/api/v1} */
    public static ApiClient client(String baseUrl, String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setConnectTimeout(Duration.ofSeconds(5));
        client.setReadTimeout(Duration.ofSeconds(15));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return client;
    }
}
