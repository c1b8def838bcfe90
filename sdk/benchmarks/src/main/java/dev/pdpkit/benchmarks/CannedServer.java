package dev.pdpkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cheapest HTTP/1.1 server that still behaves like one: keep-alive, one thread per connection, the same canned
 * project for every request, and a count of accepted connections (the connection churn figure). It runs in a process
 * of its own ({@link ServerProcess}) so that its CPU time and allocations are not charged to the client measured.
 *
 * <p>Protocol on stdin/stdout when run as a program: it prints {@code port N}; then each {@code accepts} line read is
 * answered with the number of connections accepted so far; end of input stops it.
 */
public final class CannedServer implements AutoCloseable {
    /** The project id every benchmark asks for. */
    public static final String PROJECT_ID = "proj_bench0001";
    /** The body of {@code GET /v1/projects/{id}}: a project as the API returns it. */
    public static final String PROJECT_JSON = "{\"data\":{\"id\":\"" + PROJECT_ID + "\",\"type\":\"project\","
            + "\"url\":\"https://api.prisma.io/v1/projects/" + PROJECT_ID + "\",\"name\":\"benchmark project\","
            + "\"logicalId\":null,\"createdAt\":\"2026-01-15T10:20:30.123Z\",\"defaultRegion\":\"us-east-1\","
            + "\"workspace\":{\"id\":\"wksp_bench0001\",\"url\":\"https://api.prisma.io/v1/workspaces/"
            + "wksp_bench0001\",\"name\":\"benchmark workspace\"}}}";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + PROJECT_JSON.getBytes(StandardCharsets.UTF_8).length + "\r\n"
            + "X-Request-Id: req_bench\r\n\r\n" + PROJECT_JSON).getBytes(StandardCharsets.UTF_8);

    private final ServerSocket socket;
    private final AtomicLong accepts = new AtomicLong();

    /**
     * Starts listening on an ephemeral loopback port.
     *
     * @throws IOException if the port cannot be opened
     */
    public CannedServer() throws IOException {
        socket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "canned-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port listened on */
    public int port() {
        return socket.getLocalPort();
    }

    /** @return the connections accepted so far */
    public long accepts() {
        return accepts.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepts.incrementAndGet();
                connection.setTcpNoDelay(true);
                Thread worker = new Thread(() -> serve(connection), "canned-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(Socket connection) {
        byte[] buf = new byte[16 * 1024];
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            int filled = 0;
            while (true) {
                int end = headerEnd(buf, filled);
                if (end < 0) {
                    if (filled == buf.length) {
                        return; // headers larger than any client here sends
                    }
                    int n = in.read(buf, filled, buf.length - filled);
                    if (n < 0) {
                        return;
                    }
                    filled += n;
                    continue;
                }
                // GETs carry no body; anything after the headers is the next pipelined request.
                System.arraycopy(buf, end, buf, 0, filled - end);
                filled -= end;
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed or reset the connection: nothing to do
        }
    }

    private static int headerEnd(byte[] buf, int len) {
        for (int i = 3; i < len; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Runs the server as a child process of a benchmark (see the class comment for the protocol).
     *
     * @param args ignored
     * @throws IOException if the port cannot be opened
     */
    public static void main(String[] args) throws IOException {
        try (CannedServer server = new CannedServer();
             BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("port " + server.port());
            System.out.flush();
            String line;
            while ((line = commands.readLine()) != null) {
                if (line.trim().equals("accepts")) {
                    System.out.println(server.accepts());
                    System.out.flush();
                }
            }
        }
    }
}
