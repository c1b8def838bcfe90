package dev.pdpkit.emulator.auth;

/** An OAuth error response (RFC 6749 section 5.2) raised inside the emulator and turned into JSON by the endpoint. */
final class OAuthError extends Exception {
    private static final long serialVersionUID = 1L;

    final String error;
    final int status;
    /** A {@code WWW-Authenticate} challenge to send with the error, or null. */
    final String challenge;

    OAuthError(String error, String description) {
        this(error, description, 400);
    }

    OAuthError(String error, String description, int status) {
        this(error, description, status, null);
    }

    OAuthError(String error, String description, int status, String challenge) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.challenge = challenge;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }
}
