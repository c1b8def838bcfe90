package dev.pdpkit.client.internal.http;

import dev.pdpkit.client.core.HttpHeaders;

/**
 * A completed HTTP exchange with a successful (2xx) status, its body read fully and kept as bytes, exactly as
 * received.
 */
public final class HttpExchange {
    private final int statusCode;
    private final HttpHeaders headers;
    private final byte[] body;

    /**
     * @param statusCode the status
     * @param headers the response headers
     * @param body the body bytes, never null (empty when there was none)
     */
    public HttpExchange(int statusCode, HttpHeaders headers, byte[] body) {
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

    /** @return the body bytes (not a copy), empty when there was none */
    public byte[] body() {
        return body;
    }

    /** @return whether the response had a body */
    public boolean hasBody() {
        return body.length > 0;
    }
}
