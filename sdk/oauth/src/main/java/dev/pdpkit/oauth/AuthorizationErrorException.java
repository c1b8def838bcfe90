package dev.pdpkit.oauth;

/**
 * The authorization server redirected back with an {@code error} parameter (RFC 6749 section 4.1.2.1), for example
 * {@code access_denied} when the user clicked Deny. No token request was made.
 */
public class AuthorizationErrorException extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String errorDescription;

    /**
     * @param error the {@code error} code
     * @param errorDescription the {@code error_description}, or null
     */
    public AuthorizationErrorException(String error, String errorDescription) {
        super("authorization failed: " + error + (errorDescription == null ? "" : " (" + errorDescription + ")"));
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** @return the OAuth error code, for example {@code access_denied} */
    public String error() {
        return error;
    }

    /** @return the server's human-readable description, or null */
    public String errorDescription() {
        return errorDescription;
    }

    /** @return true if the user declined ({@code access_denied}) */
    public boolean accessDenied() {
        return "access_denied".equals(error);
    }
}
