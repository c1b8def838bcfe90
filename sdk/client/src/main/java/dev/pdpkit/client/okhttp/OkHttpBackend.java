package dev.pdpkit.client.okhttp;

import dev.pdpkit.client.core.HttpBackend;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Lets a client use an {@link OkHttpClient} the application already configured (proxy, TLS, interceptors). The client
 * derives its own instance with {@link OkHttpClient#newBuilder()}, so connection pool and dispatcher are shared, and
 * turns off OkHttp's retries and redirects on it: the SDK owns both.
 *
 * <pre>{@code
 * OkHttpClient shared = new OkHttpClient.Builder().proxy(proxy).build();
 * PrismaManagement client = PrismaManagement.builder()
 *     .serviceToken(token)
 *     .httpBackend(OkHttpBackend.of(shared))
 *     .build();
 * }</pre>
 *
 * <p>This package is the only part of the client's API that names OkHttp.
 */
public final class OkHttpBackend implements HttpBackend {
    private final OkHttpClient client;
    private final boolean owned;

    private OkHttpBackend(OkHttpClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    /**
     * Wraps an application's client. The SDK never shuts it down.
     *
     * @param client the client to share
     * @return the backend
     */
    public static OkHttpBackend of(OkHttpClient client) {
        return new OkHttpBackend(Objects.requireNonNull(client, "client"), false);
    }

    /**
     * Creates a backend with a client of its own, shut down when the SDK client is closed.
     *
     * @return a new backend
     */
    public static OkHttpBackend create() {
        return new OkHttpBackend(new OkHttpClient(), true);
    }

    /** @return the underlying client, for example to send the OAuth requests through the same pool */
    public OkHttpClient client() {
        return client;
    }

    /** @return whether the SDK created this client and so may shut it down */
    public boolean owned() {
        return owned;
    }

    @Override
    public String toString() {
        return "OkHttpBackend{owned=" + owned + "}";
    }
}
