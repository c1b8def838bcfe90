package dev.pdpkit.spring.boot.internal;

import okhttp3.OkHttpClient;

/**
 * The OkHttp clients the auto-configured beans share: the application's {@code OkHttpClient} bean when it has one,
 * else one of ours that is shut down with the context. {@link #api()} adds the metrics interceptor.
 */
public final class PrismaHttp implements AutoCloseable {
    private final OkHttpClient base;
    private final OkHttpClient api;
    private final boolean owned;

    /**
     * @param applicationClient the application's client, or null to create one
     * @param observer receives every API attempt, or null
     */
    public PrismaHttp(OkHttpClient applicationClient, CallObserver observer) {
        this.owned = applicationClient == null;
        this.base = owned ? new OkHttpClient() : applicationClient;
        this.api = observer == null ? base
                : base.newBuilder().addInterceptor(new ObservingInterceptor(observer)).build();
    }

    /** @return the client for OAuth requests (shares the pool of {@link #api()}) */
    public OkHttpClient base() {
        return base;
    }

    /** @return the client for API requests */
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
