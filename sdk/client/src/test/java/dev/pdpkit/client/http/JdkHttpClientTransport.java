package dev.pdpkit.client.http;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.errors.PrismaNetworkException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A second {@link HttpTransport}, on the JDK's own HTTP client: the proof that the seam carries a whole client and
 * that statuses are the client's business, not the transport's.
 */
final class JdkHttpClientTransport implements HttpTransport {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile int sent;

    @Override
    public HttpResponse send(HttpRequest request) {
        try {
            sent++;
            java.net.http.HttpResponse<byte[]> r = http.send(toJdk(request),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return HttpResponse.of(r.statusCode(), HttpHeaders.of(r.headers().map()), r.body());
        } catch (ConnectException e) {
            throw new PrismaNetworkException("connect failed", e, false);
        } catch (IOException e) {
            throw new PrismaNetworkException("exchange failed", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrismaNetworkException("interrupted", e, true);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        sent++;
        return http.sendAsync(toJdk(request), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> HttpResponse.of(r.statusCode(), HttpHeaders.of(r.headers().map()), r.body()));
    }

    private static java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(request.timeout())
                .method(request.method(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> h : request.headers().asMap().entrySet()) {
            h.getValue().forEach(v -> b.header(h.getKey(), v));
        }
        if (request.body() != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        return b.build();
    }

    int sent() {
        return sent;
    }

    @Override
    public void close() {
        // the JDK client needs no closing on Java 17
    }
}
