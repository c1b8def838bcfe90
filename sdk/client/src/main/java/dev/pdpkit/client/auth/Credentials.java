package dev.pdpkit.client.auth;

/**
 * Supplies the bearer token sent with each API request.
 *
 * <p>The client asks for a token before every attempt, so an implementation can refresh it whenever it likes. A
 * static service token is {@link #serviceToken(String)}; the OAuth module implements this interface with automatic
 * refresh.
 *
 * <pre>{@code
 * PrismaManagement client = PrismaManagement.builder()
 *     .credentials(Credentials.serviceToken(System.getenv("PRISMA_SERVICE_TOKEN")))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface Credentials {

    /**
     * Returns the bearer token for the next request, without the {@code Bearer } prefix.
     *
     * @return a non-empty token
     * @throws dev.pdpkit.client.errors.PrismaException if no token can be obtained (for example the user must log in
     *     again)
     */
    String bearerToken();

    /**
     * Like {@link #bearerToken()}, told how long the calling request has left, so that a wait (for a refresh another
     * thread or process is running, say) can end in time. The default ignores the budget.
     *
     * @param remaining the calling request's remaining time budget
     * @return a non-empty token
     * @throws dev.pdpkit.client.errors.PrismaException if no token can be obtained in time
     */
    default String bearerToken(java.time.Duration remaining) {
        return bearerToken();
    }

    /**
     * Like {@link #refreshAfterUnauthorized(String)}, told how long the calling request has left. The default ignores
     * the budget.
     *
     * @param rejectedToken the token the server rejected
     * @param remaining the calling request's remaining time budget
     * @return true if a retry with a fresh token is worthwhile
     */
    default boolean refreshAfterUnauthorized(String rejectedToken, java.time.Duration remaining) {
        return refreshAfterUnauthorized(rejectedToken);
    }

    /**
     * Called once when the API answered 401 to a request that carried {@code rejectedToken}. An implementation that
     * can obtain a newer token (for example by refreshing an OAuth access token) does so and returns true; the client
     * then repeats the request once with {@link #bearerToken()}. The default returns false: the 401 is reported to the
     * caller.
     *
     * @param rejectedToken the token the server rejected
     * @return true if a retry with a fresh token is worthwhile
     */
    default boolean refreshAfterUnauthorized(String rejectedToken) {
        return false;
    }

    /**
     * Tells whether {@link #bearerToken()} may block (to refresh a token, to take a lock). The asynchronous client
     * calls a blocking implementation on a thread of its own, never on an HTTP thread.
     *
     * @return true unless the token is always at hand; the default is true
     */
    default boolean mayBlock() {
        return true;
    }

    /**
     * Returns credentials for a static service token.
     *
     * @param token the service token
     * @return credentials that always yield {@code token}
     * @throws IllegalArgumentException if the token is null or blank
     */
    static Credentials serviceToken(String token) {
        return new ServiceTokenCredentials(token);
    }
}
