package dev.pdpkit.transport.vertx.internal;

import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.http.HttpRequest;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what Vert.x and Netty fail with into the SDK's typed network failures, in the shapes the OkHttp transport
 * uses. Whether the request may have reached the server is decided by the phase, not by the exception: until Vert.x
 * hands over a request bound to a connection, nothing of the request has been written.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * @param request the attempt
     * @param e why no connection was obtained (refused, unresolvable host, connect or pool timeout, full pool)
     * @return a failure whose request certainly never reached the server
     */
    public static PrismaNetworkException beforeSending(HttpRequest request, Throwable e) {
        if (e instanceof TimeoutException || isConnectTimeout(e)) {
            return new PrismaTimeoutException("timed out during " + request.methodAndPath() + " (no connection)", e,
                    false);
        }
        return new PrismaNetworkException(describe(request, e), e, false);
    }

    /**
     * @param request the attempt
     * @param e why the exchange broke off after the request was handed to a connection
     * @return a failure whose request may have reached the server
     */
    public static PrismaNetworkException afterSending(HttpRequest request, Throwable e) {
        if (e instanceof TimeoutException) {
            return new PrismaTimeoutException("timed out during " + request.methodAndPath(), e, true);
        }
        return new PrismaNetworkException(describe(request, e), e, true);
    }

    /**
     * @param request the attempt whose budget ran out
     * @param sent whether the request had been handed to a connection
     * @return the timeout failure
     */
    public static PrismaTimeoutException timeout(HttpRequest request, boolean sent) {
        TimeoutException cause = new TimeoutException("the attempt's budget of " + request.timeout().toMillis()
                + " ms ran out");
        return new PrismaTimeoutException("timed out during " + request.methodAndPath(), cause, sent);
    }

    private static boolean isConnectTimeout(Throwable e) {
        // Netty's ConnectTimeoutException is a ConnectException; its name is the only public mark of it.
        return e instanceof ConnectException && e.getClass().getSimpleName().equals("ConnectTimeoutException");
    }

    private static String describe(HttpRequest request, Throwable e) {
        // Messages of Vert.x and Netty I/O failures name hosts and ports, never request content.
        return "network failure during " + request.methodAndPath() + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
