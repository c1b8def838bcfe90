package dev.pdpkit.spring.boot.internal;

import dev.pdpkit.spring.boot.PrismaProperties;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients the auto-configured beans share: the application's {@code OkHttpClient} bean when it has one,
 * else one of ours that is shut down with the context. {@link #api()} is derived from it with the
 * {@code pdpkit.*-timeout} properties and shares its connection pool.
 */
public final class PrismaHttp implements AutoCloseable {
    private final OkHttpClient base;
    private final OkHttpClient api;
    private final boolean owned;

    /**
     * @param applicationClient the application's client, or null to create one
     * @param properties the timeouts
     */
    public PrismaHttp(OkHttpClient applicationClient, PrismaProperties properties) {
        this.owned = applicationClient == null;
        this.base = owned ? new OkHttpClient() : applicationClient;
        this.api = base.newBuilder()
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .writeTimeout(properties.getWriteTimeout())
                .build();
    }

    /** @return the client for OAuth requests (the application's own when it has one) */
    public OkHttpClient base() {
        return base;
    }

    /** @return the client for API requests, with the configured timeouts */
    public OkHttpClient api() {
        return api;
    }

    /** Releases the threads and connections of a client we created; the application's is left alone. */
    @Override
    public void close() {
        if (owned) {
            base.dispatcher().executorService().shutdown();
            base.connectionPool().evictAll();
        }
    }
}
