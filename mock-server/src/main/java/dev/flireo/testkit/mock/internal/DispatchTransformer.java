package dev.flireo.testkit.mock.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WireMock extension behind the catch-all stubs: hands each request to the mock's own pipeline and turns
 * the answer (status, headers, body, delay, fault) back into a WireMock response definition.
 */
public final class DispatchTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "flireo-dispatch";

    /** The pipeline a request is handed to. */
    @FunctionalInterface
    public interface Dispatch {
        HttpResult handle(String method, String url, Map<String, String> headers, byte[] body);
    }

    private final Dispatch dispatch;

    public DispatchTransformer(Dispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key().toLowerCase(Locale.ROOT), header.firstValue());
        }
        HttpResult result =
                dispatch.handle(request.getMethod().getName(), request.getUrl(), headers, request.getBody());
        ResponseDefinitionBuilder response =
                ResponseDefinitionBuilder.responseDefinition().withStatus(result.status());
        result.headers().forEach(response::withHeader);
        if (result.body() != null) {
            response.withBody(result.body());
        }
        if (result.delayMillis() > 0) {
            response.withFixedDelay((int) Math.min(Integer.MAX_VALUE, result.delayMillis()));
        }
        if (result.fault() != null) {
            response.withFault(result.fault());
        }
        return response.build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
