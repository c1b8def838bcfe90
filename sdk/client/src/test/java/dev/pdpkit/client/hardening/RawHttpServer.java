package dev.pdpkit.client.hardening;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted HTTP/1.1 server on a raw {@link ServerSocket} bound to 127.0.0.1, so that a test can do to the client what
 * no well-behaved server library allows: close or reset a connection before or after reading a request, stall, send
 * fewer bytes than announced, trickle a body, send malformed headers, or let a pooled keep-alive connection go stale.
 *
 * <p>Connections are kept alive. Before each request, once its first byte has arrived, the {@link Script} decides what
 * happens to it. Every request the server read completely is recorded ({@link #requests()}).
 */
final class RawHttpServer implements AutoCloseable {
    /** Decides the fate of each request, in arrival order. Implementations must be thread-safe. */
    interface Script {
        /**
         * Called once the first byte of a request has arrived on {@code connection}, before it is read.
         *
         * @return what to do; {@link Step#read(Responder)} to read the request and answer it
         */
        Step next(Conn connection);
    }

    /** Writes the answer to one request that was read. */
    @FunctionalInterface
    interface Responder {
        void respond(Request request, Conn connection) throws IOException, InterruptedException;
    }

    /** What happens to one arriving request. */
    static final class Step {
        final boolean closeBeforeRead;
        final boolean resetBeforeRead;
        final Responder responder;

        private Step(boolean close, boolean reset, Responder responder) {
            this.closeBeforeRead = close;
            this.resetBeforeRead = reset;
            this.responder = responder;
        }

        static Step read(Responder responder) {
            return new Step(false, false, responder);
        }

        /** Sends FIN without reading the request (the bytes that arrived are discarded, never counted). */
        static Step closeBeforeRead() {
            return new Step(true, false, null);
        }

        /** Sends RST (SO_LINGER 0) without reading the request. */
        static Step resetBeforeRead() {
            return new Step(false, true, null);
        }
    }

    /** A request read completely. */
    record Request(String method, String target, Map<String, String> headers, byte[] body, int connectionId,
                   int indexOnConnection) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One accepted connection, as seen by a {@link Responder}. */
    static final class Conn {
        final int id;
        final Socket socket;
        final OutputStream out;
        int requestsServed;
        volatile boolean closeAfterResponse;

        Conn(int id, Socket socket) throws IOException {
            this.id = id;
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Sends FIN after what was written, and stops serving this connection. */
        void close() throws IOException {
            closeAfterResponse = true;
            out.flush();
            socket.shutdownOutput();
        }

        /** Aborts the connection with RST. */
        void reset() throws IOException {
            closeAfterResponse = true;
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new ArrayList<>();
    private volatile Script script;
    private volatile int idleCloseMillis;
    private int connections;

    RawHttpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    void script(Script script) {
        this.script = script;
    }

    /** Closes a keep-alive connection that stays idle this long after a response (0: never). */
    void idleCloseMillis(int millis) {
        this.idleCloseMillis = millis;
    }

    /** @return the requests read completely so far, in order */
    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized void clearRequests() {
        requests.clear();
    }

    /** @return how many requests with this method were read completely */
    synchronized long count(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).count();
    }

    /** Drops every open connection (with RST), so that the next call starts from a clean slate. */
    void dropConnections() {
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                int id;
                synchronized (this) {
                    id = ++connections;
                }
                Conn c = new Conn(id, s);
                threads.execute(() -> serve(c));
            } catch (IOException e) {
                return;
            }
        }
    }

    private Conn serve(Conn c) {
        try (Socket s = c.socket) {
            BufferedInputStream in = new BufferedInputStream(s.getInputStream());
            while (!c.closeAfterResponse && awaitFirstByte(c, in)) {
                Step step = script.next(c);
                if (step.resetBeforeRead) {
                    c.reset();
                    return c;
                }
                if (step.closeBeforeRead) {
                    s.shutdownOutput();
                    in.skip(Long.MAX_VALUE); // swallow until the client gives up
                    return c;
                }
                Request r = readRequest(in, c);
                synchronized (this) {
                    requests.add(r);
                }
                step.responder.respond(r, c);
                c.requestsServed++;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away or the test is over
        } finally {
            open.remove(c.socket);
        }
        return c;
    }

    /** Waits for a request to start; false when the client closed, or the idle timeout closed the connection. */
    private boolean awaitFirstByte(Conn c, BufferedInputStream in) throws IOException {
        int idle = c.requestsServed > 0 ? idleCloseMillis : 0;
        c.socket.setSoTimeout(idle);
        in.mark(1);
        try {
            if (in.read() < 0) {
                return false;
            }
        } catch (SocketTimeoutException e) {
            return false; // idle keep-alive timeout: close (FIN) with nothing unread
        }
        in.reset();
        c.socket.setSoTimeout(0);
        return true;
    }

    private Request readRequest(InputStream in, Conn c) throws IOException {
        String requestLine = readLine(in);
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            throw new SocketException("bad request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(parts[0], parts[1], headers, body, c.id, c.requestsServed);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new SocketException("connection closed mid-request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
