package dev.pdpkit.transport.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;

/** The Vert.x instance and HTTP client a {@link VertxTransport} creates for itself. */
final class Clients {
    private Clients() {
    }

    /**
     * A Vert.x instance for HTTP only: no file cache on disk, no class-path resolving, a token worker pool, and
     * Netty's native transport when the application has put it on the class path (NIO otherwise).
     */
    static Vertx vertx(int eventLoops) {
        return Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(eventLoops)
                .setPreferNativeTransport(true)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    }

    /** A client that moves bytes only: no redirects (the default per request), no decompression, kept-alive pool. */
    static HttpClient http(Vertx vertx, int maxConnections, Duration keepAlive, Duration connectTimeout) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.min(Integer.MAX_VALUE, keepAlive.toSeconds()))
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .setDecompressionSupported(false)
                .setMaxRedirects(0)
                .setTcpNoDelay(true);
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxConnections));
    }
}
