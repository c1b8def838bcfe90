package dev.pdpkit.oauth;

/**
 * No usable tokens: the user must sign in again (run the login flow). Thrown when nothing is stored, when the
 * authorization server rejected the refresh token with {@code invalid_grant} (the store was then cleared if it still
 * held that pair), or when the access token expired and there is no refresh token.
 */
public class LoginRequiredException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** Why a login is needed. */
    public enum Reason {
        /** The store holds no tokens (never logged in, or logged out). */
        NOT_LOGGED_IN,
        /** The server answered {@code invalid_grant} to the refresh: revoked, expired or reused refresh token. */
        REFRESH_TOKEN_REJECTED,
        /** The access token expired or was rejected, and no refresh token was granted ({@code offline_access}). */
        NO_REFRESH_TOKEN
    }

    /** Why a login is needed. */
    private final Reason reason;

    /**
     * @param reason why a login is needed
     * @param message a description free of secrets
     */
    public LoginRequiredException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why a login is needed */
    public Reason reason() {
        return reason;
    }
}
