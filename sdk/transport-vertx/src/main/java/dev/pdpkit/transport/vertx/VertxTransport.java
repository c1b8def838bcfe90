package dev.pdpkit.transport.vertx;

import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.http.HttpTransport;
import dev.pdpkit.transport.vertx.internal.EventLoops;
import dev.pdpkit.transport.vertx.internal.Exchange;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A non-blocking {@link HttpTransport} on Vert.x core 5: an asynchronous call holds no thread while it waits for the
 * network, so many calls in flight need only a few event-loop threads. The SDK's decoding of a response runs on the
 * event loop that received it.
 *
 * <pre>{@code
 * try (VertxTransport transport = VertxTransport.create();
 *      PrismaManagement client = PrismaManagement.builder().serviceToken(token).transport(transport).build()) {
 *     client.async().projects().list().thenAccept(page -> ...);
 * }
 * }</pre>
 *
 * <p>Like every transport it only moves bytes: no retries, redirects or authentication of its own, every status
 * returned as a response, headers and body exactly as received. Each attempt's budget ({@link HttpRequest#timeout()})
 * bounds the whole exchange, from waiting for a connection to the last body byte. A failure is a
 * {@link PrismaNetworkException} (a {@link dev.pdpkit.client.errors.PrismaTimeoutException} when the budget ran out)
 * whose {@code requestMayHaveBeenSent()} is false when no connection had been obtained for the request. Response
 * bodies are read whole, as with the OkHttp transport: the API's answers are small.
 *
 * <p>{@link #send} blocks on {@link #sendAsync}, so it must not be called on a Vert.x event loop.
 *
 * <p>On an application's Vert.x instance the transport takes its event loops by deploying a no-op verticle with one
 * instance per loop (undeployed by {@link #close()}), and watches attempt budgets of two seconds or more with one
 * periodic timer (every 100 ms) while it is open.
 */
public final class VertxTransport implements HttpTransport {
    /** Connections kept per host by a transport that creates its client, as the OkHttp transport keeps. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** Event-loop threads of a transport that creates its own Vert.x instance. */
    public static final int DEFAULT_EVENT_LOOPS = 2;
    /** How long an idle pooled connection is kept. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(1);
    /** How long opening a connection may take. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final EventLoops loops;
    private final boolean ownsVertx;
    private final boolean ownsClients;

    private VertxTransport(Vertx vertx, EventLoops loops, boolean ownsVertx, boolean ownsClients) {
        this.vertx = vertx;
        this.loops = loops;
        this.ownsVertx = ownsVertx;
        this.ownsClients = ownsClients;
    }

    /**
     * Creates a transport with a Vert.x instance and client of its own ({@value #DEFAULT_EVENT_LOOPS} event loops,
     * {@value #DEFAULT_MAX_CONNECTIONS} connections per host), closed by {@link #close()}.
     *
     * @return a new transport
     */
    public static VertxTransport create() {
        return builder().build();
    }

    /** @return a builder for a transport with its own client, and its own or the application's Vert.x instance */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Shares an application's Vert.x instance and HTTP client (its pool, proxy and TLS settings); {@link #close()}
     * leaves both open. Asynchronous calls started outside Vert.x run on {@value #DEFAULT_EVENT_LOOPS} of its event
     * loops; calls started on one of its event loops stay there.
     *
     * @param vertx the Vert.x instance the client was created by
     * @param client the client to send through
     * @return the transport
     */
    public static VertxTransport of(Vertx vertx, HttpClient client) {
        Objects.requireNonNull(client, "client");
        return new VertxTransport(vertx, EventLoops.of(Objects.requireNonNull(vertx, "vertx"), DEFAULT_EVENT_LOOPS,
                i -> client), false, false);
    }

    /** @return the Vert.x instance this transport runs on, for example to build other clients on the same loops */
    public Vertx vertx() {
        return vertx;
    }

    /**
     * Sends a request and waits for its whole response.
     *
     * @param request the request
     * @return the response, whatever its status
     * @throws PrismaNetworkException when no complete response arrived, when called on a Vert.x event loop (which
     *     must not block), or when the calling thread is interrupted (the exchange is then cancelled)
     */
    @Override
    public HttpResponse send(HttpRequest request) {
        if (loops.onEventLoop()) {
            throw new PrismaNetworkException("send() would block a Vert.x event loop during " + request.method()
                    + "; use the client's async() calls there", null, false);
        }
        CompletableFuture<HttpResponse> future = sendAsync(request);
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof PrismaNetworkException ? (PrismaNetworkException) cause
                    : new PrismaNetworkException("failure during " + request.method(), cause, true);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PrismaNetworkException("interrupted during " + request.method(), e, true);
        } catch (CancellationException e) {
            throw new PrismaNetworkException("cancelled during " + request.method(), e, true);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        return Exchange.start(loops, request);
    }

    /** Closes the client and Vert.x instance this transport created; the application's are left open. */
    @Override
    public void close() {
        if (ownsClients) {
            for (HttpClient client : loops.clients()) {
                client.close();
            }
        }
        // Vert.x would undeploy the contexts itself on closing, but logs an error if an undeploy is still under way.
        loops.close().onComplete(undeployed -> {
            if (ownsVertx) {
                vertx.close();
            }
        });
    }

    /**
     * Builds a transport with an HTTP client of its own, on a Vert.x instance of its own or the application's. The
     * client never follows redirects, never decompresses, and keeps its connections alive.
     */
    public static final class Builder {
        private Vertx vertx;
        private int eventLoops = DEFAULT_EVENT_LOOPS;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder() {
        }

        /**
         * Runs on the application's Vert.x instance instead of creating one; {@link #close()} leaves it open.
         *
         * @param vertx the application's Vert.x instance
         * @return this builder
         */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /**
         * Sets the number of event loops asynchronous calls run on (and, without {@link #vertx(Vertx)}, the event-loop
         * threads the transport's Vert.x instance has).
         *
         * @param eventLoops at least 1; default {@value #DEFAULT_EVENT_LOOPS}
         * @return this builder
         */
        public Builder eventLoops(int eventLoops) {
            this.eventLoops = positive(eventLoops, "eventLoops");
            return this;
        }

        /**
         * Sets how many connections to one host the transport opens and keeps; calls beyond it wait for a free one.
         * They are shared out among the event loops, at least one each.
         *
         * @param maxConnections at least 1; default {@value #DEFAULT_MAX_CONNECTIONS}
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = positive(maxConnections, "maxConnections");
            return this;
        }

        /**
         * Sets how long an idle connection is kept.
         *
         * @param keepAlive at least one second; default one minute
         * @return this builder
         */
        public Builder keepAlive(Duration keepAlive) {
            positive((int) Math.min(Integer.MAX_VALUE, keepAlive.toSeconds()), "keepAlive seconds");
            this.keepAlive = keepAlive;
            return this;
        }

        /**
         * Sets how long opening a connection may take (an attempt's own budget may cut it shorter).
         *
         * @param connectTimeout at least one millisecond; default ten seconds
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            positive((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()), "connectTimeout millis");
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** @return the transport; its {@link #close()} closes what it created */
        public VertxTransport build() {
            boolean ownsVertx = vertx == null;
            Vertx v = ownsVertx ? Clients.vertx(eventLoops) : vertx;
            // One client per event loop, the connections shared out among them.
            int perLoop = Math.max(1, (maxConnections + eventLoops - 1) / eventLoops);
            return new VertxTransport(v, EventLoops.of(v, eventLoops,
                    i -> Clients.http(v, perLoop, keepAlive, connectTimeout)), ownsVertx, true);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return value;
        }
    }

    @Override
    public String toString() {
        return "VertxTransport{ownsVertx=" + ownsVertx + ", ownsClients=" + ownsClients + "}";
    }
}
