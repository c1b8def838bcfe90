package dev.pdpkit.client.core;

import dev.pdpkit.client.errors.PrismaDecodeException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A response with its HTTP status, headers and raw body, as returned by the {@code withRawResponse()} view of every
 * service. The body is decoded only when {@link #body()} is called, so status, headers and raw bytes are there even
 * when the body cannot be read.
 *
 * <pre>{@code
 * RawResponse<Project> raw = client.projects().withRawResponse().get("proj_123");
 * int status = raw.statusCode();
 * Optional<String> requestId = raw.requestId();
 * byte[] bytes = raw.rawBody();
 * Project project = raw.body();   // may throw PrismaDecodeException; the bytes above are still yours
 * }</pre>
 *
 * @param <T> the parsed body type ({@link Void} for operations without a body)
 */
public final class RawResponse<T> {
    private static final byte[] NO_BYTES = new byte[0];

    private final int statusCode;
    private final HttpHeaders headers;
    private final byte[] rawBody;
    private Supplier<T> decoder;
    private T body;
    private PrismaDecodeException failure;

    private RawResponse(int statusCode, HttpHeaders headers, byte[] rawBody, Supplier<T> decoder, T body) {
        this.statusCode = statusCode;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.rawBody = rawBody == null ? NO_BYTES : rawBody;
        this.decoder = decoder;
        this.body = body;
    }

    /**
     * Creates a raw response around an already decoded body.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers
     * @param body the parsed body, null for operations without a body
     */
    public RawResponse(int statusCode, HttpHeaders headers, T body) {
        this(statusCode, headers, null, null, body);
    }

    /**
     * Creates a raw response that decodes its body on first use.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers
     * @param rawBody the body bytes as received (kept, not copied)
     * @param decoder decodes them; its {@link PrismaDecodeException} is thrown by {@link #body()}
     * @param <T> the parsed body type
     * @return the raw response
     */
    public static <T> RawResponse<T> lazy(int statusCode, HttpHeaders headers, byte[] rawBody, Supplier<T> decoder) {
        return new RawResponse<>(statusCode, headers, rawBody, Objects.requireNonNull(decoder, "decoder"), null);
    }

    /** @return the HTTP status code */
    public int statusCode() {
        return statusCode;
    }

    /** @return the response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * Returns the parsed body, decoding it the first time.
     *
     * @return the body; null for operations that answer without a body (204)
     * @throws PrismaDecodeException when the body cannot be read (the same exception on every call)
     */
    public synchronized T body() {
        if (decoder != null) {
            try {
                body = decoder.get();
            } catch (PrismaDecodeException e) {
                failure = e;
            }
            decoder = null;
        }
        if (failure != null) {
            throw failure;
        }
        return body;
    }

    /** @return a copy of the body bytes exactly as received; empty when there was no body. May hold secrets. */
    public byte[] rawBody() {
        return rawBody.clone();
    }

    /** @return the body as UTF-8 text (invalid sequences replaced), for looking at; may hold secrets */
    public String rawBodyText() {
        return new String(rawBody, StandardCharsets.UTF_8);
    }

    /** @return the request id the server sent ({@code x-request-id} or {@code x-prisma-request-id}), if any */
    public Optional<String> requestId() {
        return headers.requestId();
    }

    /** Shows status, headers (sensitive ones masked) and body size: never the body, which may hold secrets. */
    @Override
    public String toString() {
        return "RawResponse{status=" + statusCode + ", headers=" + headers + ", bodyBytes=" + rawBody.length + "}";
    }
}
