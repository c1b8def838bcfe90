package dev.pdpkit.client.errors;

/**
 * Root of every exception the SDK throws. All are unchecked.
 *
 * <p>Subtypes: {@link PrismaApiException} (the API answered with an error status, one subclass per status),
 * {@link PrismaNetworkException} (no usable response: connection failure, timeout), {@link PrismaDecodeException} (a
 * successful response whose body does not have the documented shape). No message of any of them contains a token,
 * a password or a connection string.
 */
public class PrismaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a description free of secrets
     */
    public PrismaException(String message) {
        super(message);
    }

    /**
     * @param message a description free of secrets
     * @param cause the underlying cause
     */
    public PrismaException(String message, Throwable cause) {
        super(message, cause);
    }
}
