package dev.pdpkit.client.errors;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A successful response whose body cannot be used: not JSON, not UTF-8, with duplicate keys, beyond the reading limits
 * (nesting depth, string length, number size), or broken in a way that would silently lose data (for example broken
 * pagination, see {@link PrismaPaginationException}). A member that is merely missing, null or of another type does
 * not fail the call: the model is returned and that member's accessor throws {@link PrismaInvalidDataException}.
 *
 * <p>The raw body is kept and reachable through {@link #rawBody()}; the message and {@code toString()} never show it,
 * since it may hold a connection string or a token.
 */
public class PrismaDecodeException extends PrismaException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the undecodable response, or 0 when not decoding a response. */
    private final int statusCode;
    private final transient byte[] rawBody;

    /**
     * Creates an exception without a raw body.
     *
     * @param statusCode the HTTP status of the response, or 0 when not decoding a response
     * @param message where decoding failed, without the offending value
     * @param cause the parser's exception, or null
     */
    public PrismaDecodeException(int statusCode, String message, Throwable cause) {
        this(statusCode, message, cause, null);
    }

    /**
     * Creates an exception that keeps the body it could not read.
     *
     * @param statusCode the HTTP status of the response, or 0 when not decoding a response
     * @param message where decoding failed, without the offending value
     * @param cause the parser's exception, or null
     * @param rawBody the body exactly as received, or null
     */
    public PrismaDecodeException(int statusCode, String message, Throwable cause, byte[] rawBody) {
        super(message, cause);
        this.statusCode = statusCode;
        this.rawBody = rawBody == null ? null : rawBody.clone();
    }

    /** @return the HTTP status of the undecodable response, or 0 */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns the body exactly as received. It may contain secrets (a connection string, a token value): handle it
     * as such.
     *
     * @return a copy of the raw bytes, or empty when the failure was not about a response body
     */
    public Optional<byte[]> rawBody() {
        return Optional.ofNullable(rawBody).map(byte[]::clone);
    }

    /**
     * Returns the body as text, invalid UTF-8 sequences replaced by U+FFFD. For a human looking at a failure; use
     * {@link #rawBody()} to recover data.
     *
     * @return the body as text, or empty when there is none
     */
    public Optional<String> rawBodyText() {
        return Optional.ofNullable(rawBody).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
