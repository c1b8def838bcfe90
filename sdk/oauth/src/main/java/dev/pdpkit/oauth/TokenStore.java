package dev.pdpkit.oauth;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the OAuth tokens of one signed-in user live. {@link InMemoryTokenStore} and {@link FileTokenStore} are
 * provided; implement this interface to keep tokens in a database, a keychain or a secrets manager, and run the
 * conformance suite {@code dev.pdpkit.testing.oauth.TokenStoreConformanceTest} (artifact {@code pdpkit-testing})
 * against your implementation.
 *
 * <p>The contract that keeps refresh safe when several threads, processes or machines share one store:
 * <ul>
 *   <li>{@link #load()} returns the latest saved value, including one saved by another process; no caching.</li>
 *   <li>{@link #save}, {@link #clear} and {@link #clearIfCurrent} are atomic: a reader sees the old or the new
 *   value, never a mix, and {@link #clearIfCurrent} compares and clears in one step.</li>
 *   <li>{@link #withRefreshLock} runs its action while no other caller of {@code withRefreshLock} on the same
 *   backing storage runs, in any thread or process. Mutations must also be callable from inside the action (the SDK
 *   saves the rotated pair before releasing the lock). The SDK never nests {@code withRefreshLock}.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface TokenStore {

    /**
     * @return the stored tokens, or empty if none
     * @throws TokenStoreException if the storage cannot be read or holds corrupt data
     */
    Optional<OAuthTokens> load();

    /**
     * Replaces the stored tokens.
     *
     * @param tokens the new tokens
     * @throws TokenStoreException if they cannot be written; the previous value is then still stored
     */
    void save(OAuthTokens tokens);

    /**
     * Removes the stored tokens; does nothing if there are none.
     *
     * @throws TokenStoreException if the storage cannot be changed
     */
    void clear();

    /**
     * Removes the stored tokens only if they are still {@code expected} (same access and refresh token, see
     * {@link OAuthTokens#samePair}). A process whose refresh failed uses this so it cannot erase a newer pair that
     * another process saved in the meantime.
     *
     * @param expected the pair the caller saw
     * @return true if the tokens were removed
     * @throws TokenStoreException if the storage cannot be read or changed
     */
    boolean clearIfCurrent(OAuthTokens expected);

    /**
     * Runs {@code action} while holding the store's exclusive refresh lock.
     *
     * @param action what to run; its exceptions propagate unchanged
     * @param <T> the result type
     * @return the action's result
     * @throws TokenStoreException if the lock cannot be obtained
     */
    <T> T withRefreshLock(Supplier<T> action);

    /**
     * Like {@link #withRefreshLock(Supplier)}, but gives up when the lock is not obtained within {@code timeout}, so
     * an API call's time budget also bounds the wait for a refresh running in another thread or process. The SDK
     * always calls this form. The default implementation waits without limit; the provided stores honour the
     * timeout, and a store of your own should too.
     *
     * @param timeout how long to wait for the lock at most
     * @param action what to run; its exceptions propagate unchanged
     * @param <T> the result type
     * @return the action's result
     * @throws LockTimeoutException if the lock was not obtained in time; the action did not run
     * @throws TokenStoreException if the lock cannot be obtained for another reason
     */
    default <T> T withRefreshLock(Duration timeout, Supplier<T> action) {
        return withRefreshLock(action);
    }
}
