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
import java.util.Locale;

/** A request whose body {@link RequestGuard} has already read (and bounded); WireMock reads it from here. */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean hideForm;

    /** {@code hideForm}: report no form Content-Type, so WireMock does not parse the JSON body as a form. */
    BufferedRequest(HttpServletRequest request, byte[] body, boolean hideForm) {
        super(request);
        this.body = body;
        this.hideForm = hideForm;
    }

    @Override
    public String getContentType() {
        String type = super.getContentType();
        boolean form = type != null && type.toLowerCase(Locale.ROOT).contains("application/x-www-form-urlencoded");
        return hideForm && form ? null : type;
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
