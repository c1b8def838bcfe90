package dev.pdpkit.emulator.internal.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the requests of one connection, one after the other, until the client or a limit ends it. */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** An unread body up to this size is skipped to keep the connection; a larger one closes it. */
    private static final int MAX_SKIP = 64 * 1024;

    private final Socket socket;
    private final HttpLimits limits;
    private final HttpHandler handler;
    private final ErrorRenderer errors;

    Connection(Socket socket, HttpLimits limits, HttpHandler handler, ErrorRenderer errors) {
        this.socket = socket;
        this.limits = limits;
        this.handler = handler;
        this.errors = errors;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            DeadlineInput in = new DeadlineInput(socket);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            boolean first = true;
            while (serveOne(in, out, first)) {
                first = false;
            }
            Wire.lingeringClose(socket, in);
        } catch (IOException e) {
            closeQuietly();
        } catch (RuntimeException | Error e) {
            // Never leave a client waiting: whatever broke, the connection is closed.
            LOG.error("emulator connection failed", e);
            closeQuietly();
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
        }
    }

    /** @return whether the connection stays open for another request */
    private boolean serveOne(DeadlineInput in, OutputStream out, boolean first) throws IOException {
        in.deadlineIn(first ? limits.headerTimeout() : limits.idleTimeout());
        int b;
        try {
            b = in.read();
        } catch (SocketTimeoutException e) {
            if (first) {
                Wire.write(out, errors.render(null, timeout()), false, false);
            }
            return false;
        }
        if (b < 0) {
            return false;
        }
        in.deadlineIn(limits.headerTimeout());
        RequestHead head;
        HttpRequest request;
        WireBody body;
        try {
            head = RequestHead.read(in, b, limits.maxHeaderBytes());
            if (head == null) {
                return false;
            }
            RequestTarget target = RequestTarget.parse(head.target());
            body = WireBody.of(head, in, out, limits.bodyTimeout());
            request = new HttpRequest(head.method(), target.path(), target.rawQuery(), head.headers(), body);
        } catch (SocketTimeoutException e) {
            Wire.write(out, errors.render(null, timeout()), false, false);
            return false;
        } catch (HttpFailure f) {
            Wire.write(out, errors.render(null, f), false, false);
            return false;
        }
        return answer(request, head, body, out);
    }

    private boolean answer(HttpRequest request, RequestHead head, WireBody body, OutputStream out)
            throws IOException {
        HttpResponse response;
        boolean failed = false;
        try {
            response = handler.handle(request);
        } catch (HttpFailure f) {
            response = errors.render(request.path(), f);
            failed = true;
        } catch (SocketTimeoutException e) {
            response = errors.render(request.path(), timeout());
            failed = true;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of the emulator (or a library it uses): answered, logged, and the connection closed.
            LOG.error("emulator failed on {} {}", request.method(), request.path(), e);
            response = errors.render(request.path(), new HttpFailure(500, "internal_server_error",
                    "The emulator failed: " + e.getClass().getName()));
            failed = true;
        }
        if (response.isDrop()) {
            return false;
        }
        boolean keepAlive = !failed && wantsKeepAlive(head) && body.skipUnread(MAX_SKIP);
        Wire.write(out, response, keepAlive, head.method().equals("HEAD"));
        return keepAlive;
    }

    private static boolean wantsKeepAlive(RequestHead head) {
        String connection = head.first("connection");
        if (head.version().equals("HTTP/1.0")) {
            return connection != null && connection.equalsIgnoreCase("keep-alive");
        }
        return connection == null || !connection.toLowerCase(java.util.Locale.ROOT).contains("close");
    }

    private HttpFailure timeout() {
        return new HttpFailure(408, "request_timeout", "The request head did not arrive within "
                + limits.headerTimeout().toMillis() + " ms.");
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    /** Writing answers and closing connections. */
    static final class Wire {
        private Wire() {
        }

        static void write(OutputStream out, HttpResponse r, boolean keepAlive, boolean head) throws IOException {
            StringBuilder h = new StringBuilder(256);
            h.append("HTTP/1.1 ").append(r.status()).append(' ').append(Reasons.of(r.status())).append("\r\n");
            for (Map.Entry<String, String> e : r.headers().entrySet()) {
                if (!e.getKey().equalsIgnoreCase("content-length") && !e.getKey().equalsIgnoreCase("connection")) {
                    h.append(e.getKey()).append(": ").append(sanitize(e.getValue())).append("\r\n");
                }
            }
            byte[] body = r.body() == null || r.status() == 204 || r.status() == 304 ? null : r.body();
            if (r.status() != 204 && r.status() != 304) {
                h.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
            }
            if (!keepAlive) {
                h.append("Connection: close\r\n");
            }
            h.append("\r\n");
            out.write(h.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null && !head) {
                out.write(body);
            }
            out.flush();
        }

        /** Header values never carry line breaks, whatever a handler put in them. */
        private static String sanitize(String value) {
            return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value
                    : value.replace('\r', ' ').replace('\n', ' ');
        }

        /**
         * Half-closes, then reads and discards what the client still sends for a moment, so that the answer is not
         * destroyed by a TCP reset while the client is still sending a body it was not asked for.
         */
        static void lingeringClose(Socket socket, DeadlineInput in) {
            try (socket) {
                socket.shutdownOutput();
                in.deadlineIn(java.time.Duration.ofSeconds(2));
                in.discard(4L * 1024 * 1024);
            } catch (IOException ignored) {
                // the client went away first: fine
            }
        }
    }
}
