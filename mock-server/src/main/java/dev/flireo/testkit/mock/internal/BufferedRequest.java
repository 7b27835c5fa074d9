package dev.flireo.testkit.mock.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * A request whose body {@link RequestGuard} has already read (bounded, and inflated when it was gzip); the mock and
 * WireMock read it from here.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private static final String ENCODING = "Content-Encoding";

    private final byte[] body;
    private final boolean ours;
    private final boolean inflated;

    /**
     * {@code ours}: a request to the mock's paths, whose form Content-Type is hidden so that WireMock does not
     * parse the JSON body as a form, and whose Content-Encoding is gone once the body is inflated.
     */
    BufferedRequest(HttpServletRequest request, byte[] body, boolean ours) {
        super(request);
        this.body = body;
        this.ours = ours;
        this.inflated = ours && RequestGuard.gzipped(request);
    }

    /** The whole body, already read (and inflated when it came gzipped). */
    byte[] body() {
        return body;
    }

    /** Whether the request is to one of the mock's own paths. */
    boolean ours() {
        return ours;
    }

    @Override
    public String getHeader(String name) {
        return inflated && ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return inflated && ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        names.removeIf(n -> inflated && ENCODING.equalsIgnoreCase(n));
        return Collections.enumeration(names);
    }

    @Override
    public String getContentType() {
        String type = super.getContentType();
        boolean form = type != null && type.toLowerCase(Locale.ROOT).contains("application/x-www-form-urlencoded");
        return ours && form ? null : type;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
