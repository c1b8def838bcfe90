package dev.pdpkit.client.http;

import dev.pdpkit.client.core.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP attempt as the client hands it to an {@link HttpTransport}: method, absolute URL, headers, body and the
 * time this attempt may take. Immutable.
 *
 * <p>The headers include {@code Authorization}; a transport must not log them.
 */
public final class HttpRequest {
    private final String method;
    private final String url;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Duration timeout;

    private HttpRequest(String method, String url, HttpHeaders headers, byte[] body, Duration timeout) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.timeout = timeout;
    }

    /**
     * Creates a request.
     *
     * @param method the HTTP method, upper case
     * @param url the absolute URL, already encoded
     * @param headers the headers to send, by name
     * @param body the body ({@code application/json; charset=utf-8}), or null for none
     * @param timeout the longest this attempt may take from start to last body byte
     * @return the request
     */
    public static HttpRequest of(String method, String url, Map<String, List<String>> headers, byte[] body,
                                 Duration timeout) {
        return new HttpRequest(Objects.requireNonNull(method, "method"), Objects.requireNonNull(url, "url"),
                HttpHeaders.of(headers), body, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Creates a request from headers already built.
     *
     * @param method the HTTP method, upper case
     * @param url the absolute URL, already encoded
     * @param headers the headers to send
     * @param body the body ({@code application/json; charset=utf-8}), or null for none
     * @param timeout the longest this attempt may take from start to last body byte
     * @return the request
     */
    public static HttpRequest of(String method, String url, HttpHeaders headers, byte[] body, Duration timeout) {
        return new HttpRequest(Objects.requireNonNull(method, "method"), Objects.requireNonNull(url, "url"),
                Objects.requireNonNull(headers, "headers"), body, Objects.requireNonNull(timeout, "timeout"));
    }

    /** @return the HTTP method, upper case */
    public String method() {
        return method;
    }

    /** @return the absolute URL */
    public String url() {
        return url;
    }

    /** @return the headers to send */
    public HttpHeaders headers() {
        return headers;
    }

    /** @return the JSON body (not a copy: do not modify), or null when the request has none */
    public byte[] body() {
        return body;
    }

    /** @return how long this attempt may take in all; the client has already cut it to the call's remaining budget */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Names the attempt for a failure message: the method and the URL's path, without scheme, host or query (a query
     * may carry a cursor or a filter; the path is enough to tell which call failed).
     *
     * <pre>{@code
     * HttpRequest.of("GET", "https://api.prisma.io/v1/projects?cursor=abc", Map.of(), null, Duration.ofSeconds(5))
     *     .methodAndPath(); // "GET /v1/projects"
     * }</pre>
     *
     * @return for example {@code "GET /v1/projects"}
     */
    public String methodAndPath() {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        int query = url.indexOf('?');
        return method + " " + (slash < 0 ? "/" : url.substring(slash, query < 0 ? url.length() : query));
    }

    /** Shows method and URL only: headers carry the bearer token, and a body may carry secrets. */
    @Override
    public String toString() {
        return "HttpRequest{" + method + " " + url + "}";
    }
}
