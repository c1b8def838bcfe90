package dev.pdpkit.client.errors;

/**
 * A successful response whose body could not be read as the documented type: not JSON, or a required field missing
 * or of the wrong type. The message names the JSON path, never the value.
 */
public final class PrismaDecodeException extends PrismaException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * @param statusCode the HTTP status of the response, or 0 when not decoding a response
     * @param message where decoding failed, without the offending value
     * @param cause the parser's exception, or null
     */
    public PrismaDecodeException(int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** @return the HTTP status of the undecodable response, or 0 */
    public int statusCode() {
        return statusCode;
    }
}
