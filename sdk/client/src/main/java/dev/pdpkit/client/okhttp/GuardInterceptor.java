package dev.pdpkit.client.okhttp;

import dev.pdpkit.client.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from acting behind the SDK's back.
 *
 * <ul>
 *   <li>OkHttp repeats a request answered {@code 503} with {@code Retry-After: 0} by itself, whatever its retry
 *       setting, and fails with an unchecked exception on an absurdly long {@code Retry-After}. The header is moved to
 *       a private name on its way up, so OkHttp never reads it, and moved back before the client sees the response.
 *   <li>OkHttp checks a pooled HTTP/1.1 connection for a server-side close only after 10 s of idleness; a server with
 *       a shorter keep-alive closes it first, and a POST written to it fails as "may have been sent". Before a POST or
 *       PATCH goes out, this interceptor looks for the server's close: if the connection is
 *       dead, the request fails as {@link StaleConnectionException} without a byte written, and is safe to retry.
 *   <li>On the transport's main client, whose OkHttp read and write timeouts are off, it sets the client's read
 *       timeout on the HTTP/1 socket of an exchange whose budget outlasts it ({@code SO_TIMEOUT}, requests tagged
 *       {@link LongBudget}), so the kernel ends a stalled read before the budget does. Within a shorter budget the
 *       read timeout could never end anything first, and a socket without one stays blocking: the JDK turns a socket
 *       with a timeout non-blocking, so a read that has to wait costs a failed read, a poll and a second read.
 * </ul>
 */
final class GuardInterceptor implements Interceptor {
    static final String HIDDEN_RETRY_AFTER = "X-Pdpkit-Hidden-Retry-After";

    private final int readTimeoutMillis;

    /** @param readTimeoutMillis the client's read timeout, for exchanges whose OkHttp read timeout is off */
    GuardInterceptor(int readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null && chain.readTimeoutMillis() == 0 && readTimeoutMillis > 0
                && chain.request().tag(LongBudget.class) != null && isHttp1(connection)) {
            // OkHttp has just set the socket's timeout to the exchange's read timeout, off on the transport's main
            // client; the kernel enforces the client's own read timeout instead, with no Okio watchdog involved.
            connection.socket().setSoTimeout(readTimeoutMillis);
        }
        String method = chain.request().method();
        // Every POST and PATCH is checked, reused connection or new: telling them apart would need state shared by
        // all callers, and the check costs a creating call about a millisecond.
        if (connection != null && ("POST".equals(method) || "PATCH".equals(method))) {
            checkNotClosedByPeer(connection);
        }
        Response response = chain.proceed(chain.request());
        if (response.header("Retry-After") == null) {
            return response;
        }
        List<String> retryAfter = response.headers("Retry-After");
        Response.Builder b = response.newBuilder().removeHeader("Retry-After");
        retryAfter.forEach(v -> b.addHeader(HIDDEN_RETRY_AFTER, v));
        return b.build();
    }

    private static void checkNotClosedByPeer(Connection connection) throws IOException {
        if (!isHttp1(connection)) {
            return; // an HTTP/2 connection is read by OkHttp's own reader thread
        }
        Socket socket = connection.socket();
        int timeout = socket.getSoTimeout();
        boolean stale;
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            // Between two exchanges the server has nothing to say: end of stream means it closed the connection,
            // and any byte means the connection is out of step. Either way nothing has been written yet.
            in.read();
            stale = true;
        } catch (SocketTimeoutException healthy) {
            stale = false;
        } catch (IOException e) {
            stale = true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(timeout);
            }
        }
        if (stale) {
            socket.close();
            throw new StaleConnectionException();
        }
    }

    private static boolean isHttp1(Connection connection) {
        return connection.protocol() == Protocol.HTTP_1_1 || connection.protocol() == Protocol.HTTP_1_0;
    }

    /** Tags a request on the main client whose attempt's budget outlasts the client's read timeout. */
    enum LongBudget {
        /** The one tag value. */
        TAG
    }

    /** Gives the response's headers back their real names, for the client and its exceptions. */
    static HttpHeaders restoreHeaders(okhttp3.Headers headers) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            b.add(HIDDEN_RETRY_AFTER.equalsIgnoreCase(name) ? "Retry-After" : name, headers.value(i));
        }
        return b.build();
    }

    /** The pooled connection was closed by the server before the request was written. */
    static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException() {
            super("the pooled connection had been closed by the server; nothing was sent");
        }
    }
}
