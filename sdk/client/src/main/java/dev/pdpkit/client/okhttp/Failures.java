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
        String what = request.methodAndPath();
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
        return new PrismaNetworkException("malformed response or HTTP-layer failure during "
                + request.methodAndPath() + ": " + e.getClass().getSimpleName(), e, true);
    }
}
