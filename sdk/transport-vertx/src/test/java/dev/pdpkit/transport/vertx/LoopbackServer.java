package dev.pdpkit.transport.vertx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection HTTP/1.1 server on loopback for what WireMock cannot script: it reads one request head, writes
 * what the test gives it, and tells whether the client then closed the connection.
 */
final class LoopbackServer implements AutoCloseable {
    private final ServerSocket socket;
    private final CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
    private final CompletableFuture<String> head = new CompletableFuture<>();

    private LoopbackServer(String reply, boolean closeAfterReply) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(reply, closeAfterReply), "loopback-server");
        t.setDaemon(true);
        t.start();
    }

    /** Answers with the given bytes (a partial response, say), then closes the connection. */
    static LoopbackServer replyingThenClosing(String reply) throws IOException {
        return new LoopbackServer(reply, true);
    }

    /** Reads the request and answers nothing, keeping the connection open until the client closes it. */
    static LoopbackServer silent() throws IOException {
        return new LoopbackServer("", false);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the request head the server read (request line and headers) */
    String requestHead() throws Exception {
        return head.get(10, TimeUnit.SECONDS);
    }

    /** @return true once the client has closed its end; waits up to ten seconds */
    boolean clientClosedConnection() throws Exception {
        return clientClosed.get(10, TimeUnit.SECONDS);
    }

    private void serve(String reply, boolean closeAfterReply) {
        try (Socket s = socket.accept()) {
            InputStream in = s.getInputStream();
            head.complete(readHead(in));
            OutputStream out = s.getOutputStream();
            out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (closeAfterReply) {
                return;
            }
            s.setSoTimeout(10_000);
            clientClosed.complete(in.read() == -1);
        } catch (IOException e) {
            head.complete("");
            clientClosed.complete(e.getMessage() != null && e.getMessage().contains("reset"));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
