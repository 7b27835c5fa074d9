package dev.flireo.testkit.mock.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.client.ApacheHttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import java.io.IOException;
import java.util.List;

/**
 * WireMock builds its proxying HTTP clients (TLS contexts included) while it starts, a good part of its start
 * time; the mock rarely proxies through WireMock, so the clients are built on first use instead.
 */
public final class LazyHttpClientFactory implements HttpClientFactory {

    @Override
    public HttpClient buildHttpClient(
            Options options, boolean trustAllCertificates, List<String> trustedHosts, boolean useSystemProperties) {
        return new HttpClient() {
            private volatile HttpClient delegate;

            @Override
            public Response execute(Request request) throws IOException {
                HttpClient client = delegate;
                if (client == null) {
                    synchronized (this) {
                        if (delegate == null) {
                            delegate = new ApacheHttpClientFactory()
                                    .buildHttpClient(options, trustAllCertificates, trustedHosts, useSystemProperties);
                        }
                        client = delegate;
                    }
                }
                return client.execute(request);
            }
        };
    }
}
