package dev.pdpkit.oauth;

/**
 * The authorization server could not be reached, timed out, or answered with a 5xx status. Stored tokens were kept;
 * the operation can be retried later. {@link #retryable()} is always true.
 */
public class AuthServerUnavailableException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status (5xx), or -1 if no response arrived. */
    private final int statusCode;

    /**
     * @param message a description free of secrets
     * @param statusCode the HTTP status, or -1 if no response arrived
     * @param cause the I/O failure, or null
     */
    public AuthServerUnavailableException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** @return the HTTP status (5xx), or -1 if no response arrived */
    public int statusCode() {
        return statusCode;
    }

    /** @return true: the failure is transient as far as the client can tell */
    public boolean retryable() {
        return true;
    }
}
