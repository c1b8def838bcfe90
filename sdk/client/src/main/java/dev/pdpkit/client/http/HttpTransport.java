package dev.pdpkit.client.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP attempt. The client owns everything around it (retries, credentials, status handling, decoding), so
 * a transport only moves bytes: it must not retry, follow redirects or authenticate on its own, and it returns every
 * status as a response.
 *
 * <p>{@code dev.pdpkit.client.okhttp.OkHttpTransport} is the default; implement this interface to send requests
 * through another HTTP stack.
 *
 * <pre>{@code
 * PrismaManagement client = PrismaManagement.builder()
 *     .serviceToken(token)
 *     .transport(OkHttpTransport.of(myOkHttpClient))
 *     .build();
 * }</pre>
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request and reads its whole response.
     *
     * @param request the request
     * @return the response, whatever its status
     * @throws dev.pdpkit.client.errors.PrismaNetworkException when no complete response arrived; its
     *     {@code requestMayHaveBeenSent()} must be false only when no byte of the request can have reached the server
     */
    HttpResponse send(HttpRequest request);

    /**
     * Sends a request without blocking the caller.
     *
     * @param request the request
     * @return a future completed with the response, or exceptionally with a
     *     {@link dev.pdpkit.client.errors.PrismaNetworkException}; cancelling it cancels the exchange
     */
    CompletableFuture<HttpResponse> sendAsync(HttpRequest request);

    /** Releases what the transport created itself; a client the application shared with it is left alone. */
    @Override
    void close();
}
