package dev.pdpkit.oauth;

/**
 * The authorization server redirected back with an {@code error} parameter (RFC 6749 section 4.1.2.1), for example
 * {@code access_denied} when the user clicked Deny. No token request was made. The callback passed the state check
 * first, so the error belongs to this login. The message holds the error code only, reduced to
 * {@code [A-Za-z0-9_.-]} ({@code invalid_error_code} otherwise); the description is never put in the message, because
 * it is text from the browser's URL.
 */
public class AuthorizationErrorException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** The OAuth {@code error} code of the callback, reduced to a safe token. */
    private final String error;
    /** The raw {@code error_description} of the callback URL, or null; untrusted text. */
    private final String errorDescription;

    /**
     * @param error the {@code error} code, already reduced to a safe token
     * @param errorDescription the raw {@code error_description}, or null
     */
    public AuthorizationErrorException(String error, String errorDescription) {
        super("authorization failed: " + error);
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** @return the OAuth error code, for example {@code access_denied} */
    public String error() {
        return error;
    }

    /**
     * @return the raw {@code error_description} from the callback URL, or null; untrusted text (it may hold markup or
     *     line breaks): escape it before showing or logging it
     */
    public String errorDescription() {
        return errorDescription;
    }

    /** @return true if the user declined ({@code access_denied}) */
    public boolean accessDenied() {
        return "access_denied".equals(error);
    }
}
