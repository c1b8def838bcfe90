package dev.pdpkit.client.internal.http;

import dev.pdpkit.client.core.HttpHeaders;

/**
 * A completed HTTP exchange with a successful (2xx) status: the body is fully read and the connection released.
 */
public final class HttpExchange {
    private final int statusCode;
    private final HttpHeaders headers;
    private final String body;

    /**
     * @param statusCode the status
     * @param headers the response headers
     * @param body the body text, or null when there was none
     */
    public HttpExchange(int statusCode, HttpHeaders headers, String body) {
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
    }

    public int statusCode() {
        return statusCode;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** @return the body text, or null */
    public String body() {
        return body;
    }
}
