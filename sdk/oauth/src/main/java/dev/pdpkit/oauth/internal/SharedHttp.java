package dev.pdpkit.oauth.internal;

import dev.pdpkit.client.okhttp.OkHttpTransport;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Creates and releases the OkHttp client a {@code PrismaOAuth} owns when the application gave it none. Its pool is
 * sized like the one the API client creates for itself, because API clients built with
 * {@code PrismaOAuth.clientBuilder()} share it.
 */
public final class SharedHttp {
    private SharedHttp() {
    }

    /** @return a new client with a pool for {@link OkHttpTransport#DEFAULT_MAX_IDLE_CONNECTIONS} idle connections */
    public static OkHttpClient newClient() {
        return new OkHttpClient.Builder().connectionPool(new ConnectionPool(
                OkHttpTransport.DEFAULT_MAX_IDLE_CONNECTIONS, OkHttpTransport.DEFAULT_KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS)).build();
    }

    /**
     * Stops the client's dispatcher threads and closes its idle connections.
     *
     * @param client a client created by {@link #newClient()}
     */
    public static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
