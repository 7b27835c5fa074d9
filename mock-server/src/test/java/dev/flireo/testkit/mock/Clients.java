package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The generated Java client pointed at a running mock, and assertions on its error answers. */
final class Clients {

    private Clients() {}

    static ApiClient client(FlireoMockExtension flireo) {
        return flireo.client();
    }

    static ApiClient client(String baseUrl, String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + key));
        return client;
    }

    /** Runs a call that must fail, checks the status and returns the error body ({@code error, message, param?...}). */
    static JsonNode error(int status, ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("expected HTTP %s", status).isNotNull();
        assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
        try {
            return Http.JSON.readTree(e.getResponseBody());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
