package dev.pdpkit.oauth;

/**
 * Hears about token changes made by {@link PrismaOAuth} in this process, for example to update a UI or to copy
 * tokens to a second place. Called on the thread that made the change, after the store was updated and its lock
 * released. Exceptions thrown by a listener are logged and ignored.
 */
public interface TokenListener {

    /** Why tokens were removed from the store. */
    enum ClearReason {
        /** {@link PrismaOAuth#logout()} was called. */
        LOGOUT,
        /** The server rejected the refresh token ({@code invalid_grant}); the user must log in again. */
        REFRESH_TOKEN_REJECTED
    }

    /**
     * A login completed and its tokens were saved.
     *
     * @param tokens the new tokens
     */
    default void onLogin(OAuthTokens tokens) {
    }

    /**
     * A refresh succeeded and the new pair was saved.
     *
     * @param tokens the new tokens
     */
    default void onRefresh(OAuthTokens tokens) {
    }

    /**
     * Tokens were removed from the store.
     *
     * @param reason why
     */
    default void onCleared(ClearReason reason) {
    }
}
