package dev.pdpkit.oauth.internal;

import okhttp3.OkHttpClient;

/** Creates and releases the OkHttp client a {@code PrismaOAuth} owns when the application gave it none. */
public final class SharedHttp {
    private SharedHttp() {
    }

    /** @return a new client with OkHttp's defaults */
    public static OkHttpClient newClient() {
        return new OkHttpClient();
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
