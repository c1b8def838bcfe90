package dev.pdpkit.oauth;

/**
 * The redirect back from the authorization server cannot be trusted or used, so no token request was made and
 * nothing was stored. {@link #reason()} tells why.
 */
public class InvalidCallbackException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** Why a callback was rejected. */
    public enum Reason {
        /** The URL could not be parsed, or a parameter appears more than once. */
        MALFORMED,
        /** No {@code state} parameter. */
        MISSING_STATE,
        /** The {@code state} differs from the one of the pending login: a forged or crossed-over redirect. */
        STATE_MISMATCH,
        /** An {@code iss} parameter names another authorization server (RFC 9207, mix-up defence). */
        ISSUER_MISMATCH,
        /** Neither {@code code} nor {@code error}. */
        MISSING_CODE,
        /** The pending login is older than the configured maximum age. */
        EXPIRED,
        /** The callback arrived at another scheme, host, port or path than the login's redirect URI. */
        REDIRECT_MISMATCH,
        /**
         * No {@code iss} parameter although the server advertises {@code authorization_response_iss_parameter_supported}
         * (RFC 9207 section 2.4).
         */
        MISSING_ISSUER,
        /** This pending login (or its code) was already completed, or is being completed by another thread. */
        ALREADY_USED
    }

    /** Why the callback was rejected. */
    private final Reason reason;

    /**
     * @param reason why the callback was rejected
     * @param message a description free of secrets
     */
    public InvalidCallbackException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the callback was rejected */
    public Reason reason() {
        return reason;
    }
}
