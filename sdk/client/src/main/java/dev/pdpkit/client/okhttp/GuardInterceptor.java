package dev.pdpkit.client.okhttp;

import dev.pdpkit.client.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
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
 *       PATCH goes out on a reused connection, this interceptor looks for the server's close: if the connection is
 *       dead, the request fails as {@link StaleConnectionException} without a byte written, and is safe to retry.
 * </ul>
 */
final class GuardInterceptor implements Interceptor {
    static final String HIDDEN_RETRY_AFTER = "X-Pdpkit-Hidden-Retry-After";

    // Shared by every transport: clients derived from one OkHttpClient share its pool, so a connection first used
    // through one transport may be reused through another.
    private static final Set<Connection> USED = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        String method = chain.request().method();
        if (connection != null && ("POST".equals(method) || "PATCH".equals(method)) && !USED.add(connection)) {
            checkNotClosedByPeer(connection);
        } else if (connection != null) {
            USED.add(connection);
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
        if (connection.protocol() != Protocol.HTTP_1_1 && connection.protocol() != Protocol.HTTP_1_0) {
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

    /** Gives the response's headers back their real names, for the client and its exceptions. */
    static HttpHeaders restoreHeaders(okhttp3.Headers headers) {
        Map<String, List<String>> map = headers.toMultimap();
        List<String> hidden = map.get(HIDDEN_RETRY_AFTER.toLowerCase(java.util.Locale.ROOT));
        if (hidden == null) {
            return HttpHeaders.of(map);
        }
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(map);
        copy.remove(HIDDEN_RETRY_AFTER);
        copy.put("retry-after", hidden);
        return HttpHeaders.of(copy);
    }

    /** The pooled connection was closed by the server before the request was written. */
    static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException() {
            super("the pooled connection had been closed by the server; nothing was sent");
        }
    }
}
