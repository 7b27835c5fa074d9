package dev.flireo.testkit.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 over a plain loopback socket, for requests no HTTP client would send: any bytes in the request line and
 * headers, repeated or contradicting headers, a chunked body, a body larger than the server takes. The body is
 * written on another thread while the reply is read, so a server that answers before reading everything is seen
 * answering, not as a blocked write.
 */
final class RawHttp {

    /**
     * A request as bytes on the wire: the request line's target and header values are sent as ISO-8859-1;
     * {@code version} ends the request line ({@code HTTP/1.1}; empty for an HTTP/0.9 line without one).
     */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked, String version) {

        Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked) {
            this(method, target, headers, body, chunked, "HTTP/1.1");
        }

        String describe() {
            StringBuilder out = new StringBuilder(
                    method + " " + abbreviate(target, 300) + (version.isEmpty() ? "" : " ") + version + "\n");
            headers.forEach(h ->
                    out.append(h[0]).append(": ").append(abbreviate(h[1], 200)).append('\n'));
            out.append(chunked ? "(chunked) " : "")
                    .append(body.length)
                    .append(" bytes: ")
                    .append(abbreviate(new String(body, StandardCharsets.UTF_8), 400));
            return out.toString();
        }
    }

    /** The answer; {@code error} names what went wrong when there was none. */
    record Reply(int status, Map<String, String> headers, String body, String error) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-writer");
        t.setDaemon(true);
        return t;
    });

    private RawHttp() {}

    static Reply exchange(int port, Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(request));
            out.flush();
            WRITERS.submit(() -> writeBody(out, request));
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            return new Reply(0, Map.of(), "", e.toString());
        }
    }

    /** Sends these bytes as they are (a request line no client library would write) and reads the answer. */
    static Reply exchangeBytes(int port, byte[] raw) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(raw);
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            return new Reply(0, Map.of(), "", e.toString());
        }
    }

    private static byte[] head(Request r) {
        StringBuilder head = new StringBuilder(
                r.method() + " " + r.target() + (r.version().isEmpty() ? "" : " ") + r.version() + "\r\n");
        for (String[] h : r.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        boolean framed = r.headers().stream()
                .anyMatch(h -> h[0].equalsIgnoreCase("Content-Length") || h[0].equalsIgnoreCase("Transfer-Encoding"));
        if (!framed) {
            head.append(r.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + r.body().length + "\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void writeBody(OutputStream out, Request r) {
        try {
            if (!r.chunked()) {
                out.write(r.body());
            } else {
                for (int at = 0; at < r.body().length; at += 8192) {
                    int n = Math.min(8192, r.body().length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(r.body(), at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // The server answered and closed before taking the whole body (e.g. 413): the reply tells.
        }
    }

    /** Reads until the server closes (every request says Connection: close); keeps what came before a reset. */
    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset after the reply still leaves the reply.
        }
        return all.toByteArray();
    }

    private static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Reply(
                    0,
                    Map.of(),
                    "",
                    "no complete HTTP response, got " + raw.length + " bytes: " + abbreviate(text, 200));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon), lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Reply(
                Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8), null);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = indexOf(chunked, at);
            int size = Integer.parseInt(
                    new String(chunked, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...(" + oneLine.length() + " chars)";
    }

    static List<String[]> headers(String... namesAndValues) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
        }
        return out;
    }
}
