package dev.flireo.testkit.simulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on 127.0.0.1 that plays a scripted, usually broken, HTTP server on every connection (one thread
 * each) and records how each conversation ended: when, after how many bytes written, and whether the simulator
 * closed the connection under it. For targets no real HTTP server can imitate: silence, resets, drips, floods.
 */
final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    interface Conversation {
        void talk(Connection connection) throws Exception;
    }

    /** How one conversation ended, {@code after} its connection was accepted. */
    record Ending(Duration after, long written, String how) {
        /** True when the simulator closed the connection while the server was still reading or writing. */
        boolean closedByClient() {
            return how.equals("closed by the client");
        }
    }

    private final ServerSocket socket;
    private final List<Socket> open = new ArrayList<>();
    private final BlockingQueue<Ending> endings = new LinkedBlockingQueue<>();

    RawServer(Conversation conversation) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            Socket client = socket.accept();
                            synchronized (open) {
                                open.add(client);
                            }
                            Thread talker =
                                    new Thread(() -> talk(conversation, new Connection(client)), "raw-server-talk");
                            talker.setDaemon(true);
                            talker.start();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "raw-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void talk(Conversation conversation, Connection connection) {
        long start = System.nanoTime();
        String how;
        try {
            conversation.talk(connection);
            how = "returned";
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            how = e instanceof EOFException || message.contains("broken pipe") || message.contains("connection reset")
                    ? "closed by the client"
                    : e.toString();
        }
        endings.add(new Ending(Duration.ofNanos(System.nanoTime() - start), connection.written, how));
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + socket.getLocalPort() + "/hook";
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next conversation to end, waiting at most {@code timeout}; fails when none ends by then. */
    Ending nextEnding(Duration timeout) throws InterruptedException {
        Ending ending = endings.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ending == null) {
            throw new AssertionError("no conversation ended within " + timeout);
        }
        return ending;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (open) {
            for (Socket client : open) {
                client.close();
            }
        }
    }

    /** One accepted connection, with the moves a broken server makes. */
    static final class Connection {
        private final Socket socket;
        private volatile long written;

        Connection(Socket socket) {
            this.socket = socket;
        }

        /** Reads the request line, headers and {@code Content-Length} body; returns the head. */
        String readRequest() throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("request ended early");
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = text.lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip()))
                    .findFirst()
                    .orElse(0);
            in.readNBytes(length);
            return text;
        }

        /** One read of at most {@code max} bytes: the start of the request, the rest left unread. */
        void readSome(int max) throws IOException {
            socket.getInputStream().read(new byte[max]);
        }

        /** Blocks until the client closes the connection. */
        void awaitClose() throws IOException {
            byte[] buffer = new byte[8192];
            while (socket.getInputStream().read(buffer) >= 0) {
                // Whatever the client still sends, only its close matters.
            }
            throw new EOFException("closed by the client");
        }

        void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void write(byte[] bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            written += bytes.length;
        }

        /** Writes one byte at a time, {@code pause} apart. */
        void drip(String text, Duration pause) throws IOException, InterruptedException {
            for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
                write(new byte[] {b});
                Thread.sleep(pause.toMillis());
            }
        }

        /** Stalls mid-conversation, so that the client has taken in what came before whatever follows. */
        void pause(Duration pause) throws InterruptedException {
            Thread.sleep(pause.toMillis());
        }

        /** Writes {@code block} again and again until the client closes the connection. */
        void flood(byte[] block) throws IOException {
            while (true) {
                write(block);
            }
        }

        /** Closes with an RST instead of a FIN, as a crashed process or a firewall does. */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
