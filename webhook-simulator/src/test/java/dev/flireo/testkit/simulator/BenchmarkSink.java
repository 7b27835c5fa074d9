package dev.flireo.testkit.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's receiver: one selector thread on 127.0.0.1 that reads keep-alive HTTP/1.1 requests (headers and
 * Content-Length body) and answers each {@code 200 {}} at once, so the figures measure the sender, not the sink.
 */
final class BenchmarkSink implements AutoCloseable {

    private static final byte[] OK =
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final ServerSocketChannel server;
    final AtomicLong received = new AtomicLong();
    /** When the first request since the last {@link #resetFirst()} arrived; 0 until then. */
    final AtomicLong firstNanos = new AtomicLong();

    BenchmarkSink() throws IOException {
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        Thread thread = new Thread(this::loop, "benchmark-sink");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    void resetFirst() {
        firstNanos.set(0);
    }

    private void loop() {
        try {
            while (server.isOpen()) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.isAcceptable()) {
                        accept();
                    } else if (key.isValid() && key.isReadable()) {
                        read(key);
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // Closed: the benchmark is over.
        }
    }

    private void accept() throws IOException {
        SocketChannel client = server.accept();
        if (client != null) {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(64 * 1024));
        }
    }

    private void read(SelectionKey key) {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer in = (ByteBuffer) key.attachment();
        try {
            if (client.read(in) < 0) {
                client.close();
                return;
            }
            int headerEnd;
            while ((headerEnd = headerEnd(in)) >= 0) {
                int total = headerEnd + 4 + contentLength(in, headerEnd);
                if (in.position() < total) {
                    return;
                }
                in.flip();
                in.position(total);
                in.compact();
                received.incrementAndGet();
                firstNanos.compareAndSet(0, System.nanoTime());
                ByteBuffer out = ByteBuffer.wrap(OK);
                while (out.hasRemaining()) {
                    client.write(out);
                }
            }
        } catch (IOException e) {
            try {
                client.close();
            } catch (IOException ignored) {
                // Already gone.
            }
        }
    }

    private static int headerEnd(ByteBuffer in) {
        for (int i = 0; i + 3 < in.position(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int contentLength(ByteBuffer in, int headerEnd) {
        String headers = new String(in.array(), 0, headerEnd, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return 0;
        }
        int end = headers.indexOf('\r', at);
        return Integer.parseInt(
                headers.substring(at + 15, end < 0 ? headers.length() : end).strip());
    }

    @Override
    public void close() throws IOException {
        server.close();
        selector.close();
    }
}
