package dev.pdpkit.client.http;

import dev.pdpkit.client.core.HttpHeaders;
import java.util.Objects;

/**
 * A complete HTTP response as an {@link HttpTransport} returns it, whatever the status: the client, not the
 * transport, decides what a status means. The body is read fully; the API's answers are small.
 */
public final class HttpResponse {
    private static final byte[] EMPTY = new byte[0];

    private final int statusCode;
    private final HttpHeaders headers;
    private final byte[] body;

    private HttpResponse(int statusCode, HttpHeaders headers, byte[] body) {
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Creates a response.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers
     * @param body the body bytes exactly as received, or null for none
     * @return the response
     */
    public static HttpResponse of(int statusCode, HttpHeaders headers, byte[] body) {
        return new HttpResponse(statusCode, Objects.requireNonNull(headers, "headers"), body == null ? EMPTY : body);
    }

    /** @return the HTTP status */
    public int statusCode() {
        return statusCode;
    }

    /** @return the response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /** @return the body bytes exactly as received (not a copy: do not modify); empty when there was none */
    public byte[] body() {
        return body;
    }

    /** Shows status and body size only: a body may carry secrets. */
    @Override
    public String toString() {
        return "HttpResponse{status=" + statusCode + ", bodyBytes=" + body.length + "}";
    }
}
