package dev.pdpkit.client.okhttp;

import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.http.HttpRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns what OkHttp throws into the SDK's typed network failures, telling "never sent" apart. */
final class Failures {
    private Failures() {
    }

    static PrismaNetworkException network(HttpRequest request, IOException e) {
        // Messages of I/O exceptions name hosts and ports, never request content, so they are safe to keep.
        String what = request.method() + " " + pathOf(request.url());
        boolean notSent = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof GuardInterceptor.StaleConnectionException;
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && msg.equals("timeout"))) {
            boolean connectPhase = msg.startsWith("connect timed out") || e.getCause() instanceof ConnectException;
            return new PrismaTimeoutException("timed out during " + what, e, !connectPhase);
        }
        return new PrismaNetworkException("network failure during " + what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e, !notSent);
    }

    static PrismaNetworkException unexpected(HttpRequest request, RuntimeException e) {
        // OkHttp and Okio throw unchecked exceptions on some malformed responses (a negative Content-Length, say).
        return new PrismaNetworkException("malformed response or HTTP-layer failure during " + request.method() + " "
                + pathOf(request.url()) + ": " + e.getClass().getSimpleName(), e, true);
    }

    private static String pathOf(String url) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        int query = url.indexOf('?');
        // The query may carry a cursor or filter; the path is enough to tell which call failed.
        return slash < 0 ? "/" : url.substring(slash, query < 0 ? url.length() : query);
    }
}
