package dev.pdpkit.client.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed response together with its HTTP status and headers, as returned by the {@code withRawResponse()} view of
 * every service.
 *
 * <pre>{@code
 * RawResponse<Project> raw = client.projects().withRawResponse().get("proj_123");
 * int status = raw.statusCode();
 * Optional<String> requestId = raw.requestId();
 * Project project = raw.body();
 * }</pre>
 *
 * @param <T> the parsed body type ({@link Void} for operations without a body)
 */
public final class RawResponse<T> {
    private final int statusCode;
    private final HttpHeaders headers;
    private final T body;

    /**
     * Creates a raw response.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers
     * @param body the parsed body, null for operations without a body
     */
    public RawResponse(int statusCode, HttpHeaders headers, T body) {
        this.statusCode = statusCode;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
    }

    /** @return the HTTP status code */
    public int statusCode() {
        return statusCode;
    }

    /** @return the response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /** @return the parsed body; null for operations that answer without a body (204) */
    public T body() {
        return body;
    }

    /** @return the request id the server sent ({@code x-request-id} or {@code x-prisma-request-id}), if any */
    public Optional<String> requestId() {
        return headers.requestId();
    }

    @Override
    public String toString() {
        return "RawResponse{status=" + statusCode + ", headers=" + headers + ", body=" + body + "}";
    }
}
