package dev.pdpkit.client.core;

/**
 * The HTTP implementation a client uses, kept opaque so that the client's API does not depend on it. Obtain one from
 * {@code dev.pdpkit.client.okhttp.OkHttpBackend} to share your own OkHttp client (proxies, TLS, connection pool).
 */
public interface HttpBackend {
}
