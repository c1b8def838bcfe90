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

    /**
     * Tells whether the failure is transient, so that the same request may succeed later. The client's retries use
     * this same rule, combined with whether a request is safe to repeat (see the retry table in the README).
     *
     * @return false here; network failures and transient statuses say true
     */
    public boolean isRetryable() {
        return false;
    }
}
