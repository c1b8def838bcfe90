package dev.pdpkit.oauth;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PrismaOAuth#logout()} or {@link PrismaOAuth#revoke(OAuthTokens)} did. A failed revocation carries the
 * tokens that are still valid at the server, so the caller can retry. {@link #toString()} shows no token.
 */
public final class LogoutResult {

    /** The outcome. */
    public enum Status {
        /** The server confirmed the grant is ended; {@code logout()} then cleared the store. */
        REVOKED,
        /**
         * The server had already ended the grant (it rejected the refresh token needed to call the API); the store
         * was cleared.
         */
        ALREADY_ENDED,
        /** No tokens were stored: nothing to end. */
        NOT_LOGGED_IN,
        /** The store was unreadable (corrupt) and was cleared; nothing could be revoked. */
        CLEARED_UNREADABLE,
        /**
         * The server could not be reached, timed out or refused; nothing was cleared, and
         * {@link #unrevokedTokens()} holds the tokens to retry with.
         */
        REVOCATION_FAILED
    }

    /** How the grant was (or was to be) ended. */
    public enum Method {
        /** RFC 7009 revocation of the refresh token (or of the access token when there is none). */
        TOKEN_REVOCATION,
        /** Deleting the user's integration of this client through the Management API. */
        INTEGRATION_REVOCATION,
        /** No server request was made. */
        NONE
    }

    private final Status status;
    private final Method method;
    private final OAuthTokens unrevoked;
    private final OAuthException failure;

    LogoutResult(Status status, Method method, OAuthTokens unrevoked, OAuthException failure) {
        this.status = Objects.requireNonNull(status, "status");
        this.method = Objects.requireNonNull(method, "method");
        this.unrevoked = unrevoked;
        this.failure = failure;
    }

    /** @return the outcome */
    public Status status() {
        return status;
    }

    /** @return how the grant was ended or was to be ended */
    public Method method() {
        return method;
    }

    /** @return true if the server confirmed the grant is ended */
    public boolean revoked() {
        return status == Status.REVOKED;
    }

    /**
     * @return for {@link Status#REVOCATION_FAILED}, the tokens still valid at the server (possibly refreshed during
     *     the attempt); pass them to {@link PrismaOAuth#revoke(OAuthTokens)} to retry. Empty otherwise
     */
    public Optional<OAuthTokens> unrevokedTokens() {
        return Optional.ofNullable(unrevoked);
    }

    /** @return for {@link Status#REVOCATION_FAILED}, why; empty otherwise */
    public Optional<OAuthException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "LogoutResult[status=" + status + ", method=" + method
                + (failure == null ? "" : ", failure=" + failure.getMessage()) + "]";
    }
}
