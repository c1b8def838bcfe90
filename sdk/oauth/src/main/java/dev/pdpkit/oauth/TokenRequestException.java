package dev.pdpkit.oauth;

/**
 * The token endpoint answered with an OAuth error (4xx), other than an {@code invalid_grant} on refresh, which is a
 * {@link LoginRequiredException}. Typical causes: a wrong client secret ({@code invalid_client}), or an authorization
 * code that was expired, already used or issued for another verifier ({@code invalid_grant} during login). Stored
 * tokens are left as they were.
 */
public class TokenRequestException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the token response. */
    private final int statusCode;
    /** The OAuth error code of the token response, or null if the body had none. */
    private final String error;
    /** The server's description of the error, or null. */
    private final String errorDescription;

    /**
     * @param statusCode the HTTP status
     * @param error the OAuth error code, or null if the body had none
     * @param errorDescription the server's description, or null
     */
    public TokenRequestException(int statusCode, String error, String errorDescription) {
        super("token request rejected with HTTP " + statusCode + (error == null ? "" : ": " + error)
                + (errorDescription == null ? "" : " (" + errorDescription + ")"));
        this.statusCode = statusCode;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** @return the HTTP status of the token response */
    public int statusCode() {
        return statusCode;
    }

    /** @return the OAuth error code, for example {@code invalid_client}, or null */
    public String error() {
        return error;
    }

    /** @return the server's description, or null */
    public String errorDescription() {
        return errorDescription;
    }
}
