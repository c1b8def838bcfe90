package dev.pdpkit.oauth;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.oauth.internal.AuthServerClient;
import dev.pdpkit.oauth.internal.TokenResponses;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Credentials} backed by a {@link TokenStore}, refreshing the access token when needed. Obtain it from
 * {@link PrismaOAuth#credentials()} and pass it to the API client's builder.
 *
 * <p>How refresh stays safe with rotating, single-use refresh tokens:
 * <ul>
 *   <li><b>Proactive:</b> {@link #bearerToken()} refreshes when the token expires within the configured margin.
 *   <b>Reactive:</b> after a 401 the client calls {@link #refreshAfterUnauthorized}; if the stored token is already
 *   a different one it just retries, otherwise it refreshes.</li>
 *   <li><b>One refresh per process:</b> concurrent callers share one in-flight refresh; each waiter gets its result
 *   or its exception.</li>
 *   <li><b>One refresh across processes:</b> the refresh runs under {@link TokenStore#withRefreshLock}; inside the
 *   lock the store is read again, and if another process already rotated the pair, that pair is used and no token
 *   request is made. The new pair is saved before it is returned.</li>
 *   <li><b>Failures:</b> only {@code invalid_grant} clears the store (compare-and-clear, so a newer pair written by
 *   another process survives) and throws {@link LoginRequiredException}. Network errors and 5xx throw
 *   {@link AuthServerUnavailableException} and keep the tokens; if the current access token has not expired yet,
 *   a failed proactive refresh is logged and the current token is used.</li>
 *   <li><b>Bounded waits:</b> waiting for another thread's refresh or for the store's lock (held by another process
 *   that refreshes) ends with {@link LockTimeoutException} when the budget runs out: the one passed to
 *   {@link #bearerToken(Duration)}, or {@code PrismaOAuth.Builder.refreshLockTimeout} (default 30 s) for the forms
 *   without one.</li>
 *   <li><b>Crash window:</b> a server that rotates refresh tokens has spent the old one once it answers; if the
 *   process dies before the new pair is saved, the session is lost. The SDK keeps that window to turning the
 *   response into tokens and one atomic file write with {@code fsync}; listeners and logging run after the save.</li>
 * </ul>
 * Thread-safe. {@link #toString()} shows no token.
 */
public final class OAuthCredentials implements Credentials {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthCredentials.class);

    private final PrismaOAuth oauth;
    private final Object flightLock = new Object();
    private CompletableFuture<OAuthTokens> inFlight; // guarded by flightLock

    OAuthCredentials(PrismaOAuth oauth) {
        this.oauth = oauth;
    }

    /**
     * Returns a valid access token, refreshing first if it expires within the margin.
     *
     * @return the access token
     * @throws LoginRequiredException if nothing is stored, the refresh token was rejected, or the token expired and
     *     there is no refresh token
     * @throws AuthServerUnavailableException if a needed refresh failed for a transient reason and the current
     *     token has expired
     * @throws TokenRequestException if the token endpoint rejected the refresh for another reason (for example
     *     {@code invalid_client})
     * @throws TokenStoreException if the store cannot be read or written
     */
    @Override
    public String bearerToken() {
        return tokens().accessToken();
    }

    /**
     * Like {@link #bearerToken()}, with the time the calling request has left: a wait for another thread's or
     * process's refresh ends when it runs out.
     *
     * @param budget the time left for the whole call
     * @return the access token
     * @throws LockTimeoutException if a refresh in another thread or process did not finish within the budget
     * @throws LoginRequiredException see {@link #bearerToken()}
     */
    @Override
    public String bearerToken(Duration budget) {
        return tokens(budget).accessToken();
    }

    /**
     * Like {@link #bearerToken()} but returns the whole stored value (workspace id, scopes, expiry).
     *
     * @return valid tokens
     * @throws LoginRequiredException see {@link #bearerToken()}
     * @throws AuthServerUnavailableException see {@link #bearerToken()}
     */
    public OAuthTokens tokens() {
        return tokens(oauth.refreshLockTimeout());
    }

    /**
     * Like {@link #tokens()} with a time budget for waiting on another refresh.
     *
     * @param budget the time left for the whole call
     * @return valid tokens
     * @throws LockTimeoutException if a refresh in another thread or process did not finish within the budget
     */
    public OAuthTokens tokens(Duration budget) {
        long deadline = deadline(budget);
        OAuthTokens current = loadOrThrow();
        Instant now = oauth.clock().instant();
        if (!current.expiresWithin(now, margin(current))) {
            return current;
        }
        boolean stillValid = !current.expiresWithin(now, Duration.ZERO);
        if (current.refreshToken().isEmpty()) {
            if (stillValid) {
                return current;
            }
            throw new LoginRequiredException(LoginRequiredException.Reason.NO_REFRESH_TOKEN,
                    "the access token has expired and there is no refresh token; log in again");
        }
        try {
            return refreshShared(t -> t.expiresWithin(oauth.clock().instant(), margin(t)), deadline);
        } catch (AuthServerUnavailableException | LockTimeoutException e) {
            if (stillValid) {
                // The token still works for a while; the next call tries the refresh again.
                LOG.warn("proactive token refresh failed, using the current token until it expires: {}",
                        e.getMessage());
                return current;
            }
            throw e;
        }
    }

    /**
     * Called by the API client after a 401. If the store already holds a different access token (another thread or
     * process refreshed), returns true at once; otherwise refreshes.
     *
     * @param rejectedToken the token the API rejected
     * @return true: retry the request once with {@link #bearerToken()}
     * @throws LoginRequiredException if no tokens are stored or the refresh token was rejected or missing
     * @throws AuthServerUnavailableException if the refresh failed for a transient reason
     * @throws TokenRequestException if the token endpoint rejected the refresh for another reason
     */
    @Override
    public boolean refreshAfterUnauthorized(String rejectedToken) {
        return refreshAfterUnauthorized(rejectedToken, oauth.refreshLockTimeout());
    }

    /**
     * Like {@link #refreshAfterUnauthorized(String)} with the time the calling request has left.
     *
     * @param rejectedToken the token the API rejected
     * @param budget the time left for the whole call
     * @return true: retry the request once with {@link #bearerToken()}
     * @throws LockTimeoutException if a refresh in another thread or process did not finish within the budget
     */
    @Override
    public boolean refreshAfterUnauthorized(String rejectedToken, Duration budget) {
        long deadline = deadline(budget);
        OAuthTokens current = loadOrThrow();
        if (!current.accessToken().equals(rejectedToken)) {
            return true;
        }
        if (current.refreshToken().isEmpty()) {
            throw new LoginRequiredException(LoginRequiredException.Reason.NO_REFRESH_TOKEN,
                    "the access token was rejected and there is no refresh token; log in again");
        }
        refreshShared(t -> t.accessToken().equals(rejectedToken), deadline);
        return true;
    }

    /**
     * The configured margin, but at most half the token's lifetime: with tokens that live less than twice the margin,
     * a fixed margin would make every call refresh.
     */
    private Duration margin(OAuthTokens tokens) {
        Duration configured = oauth.refreshMargin();
        if (tokens.issuedAt().isEmpty() || tokens.expiresAt().isEmpty()) {
            return configured;
        }
        Duration half = Duration.between(tokens.issuedAt().get(), tokens.expiresAt().get()).dividedBy(2);
        return half.isNegative() || half.compareTo(configured) >= 0 ? configured : half;
    }

    private static long deadline(Duration budget) {
        long nanos = Math.max(0, Objects.requireNonNull(budget, "budget").toNanos());
        return System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private OAuthTokens loadOrThrow() {
        Optional<OAuthTokens> loaded = oauth.store().load();
        if (loaded.isEmpty()) {
            throw new LoginRequiredException(LoginRequiredException.Reason.NOT_LOGGED_IN, "not logged in");
        }
        return loaded.get();
    }

    /**
     * Single flight: the first caller runs the refresh, callers arriving meanwhile wait for its outcome. A waiter
     * whose own staleness test still fails on the shared result (it joined a refresh started for another reason)
     * tries once more.
     */
    private OAuthTokens refreshShared(Predicate<OAuthTokens> stale, long deadline) {
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<OAuthTokens> flight;
            boolean leader = false;
            synchronized (flightLock) {
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    leader = true;
                }
                flight = inFlight;
            }
            if (leader) {
                try {
                    flight.complete(refreshUnderStoreLock(stale, deadline));
                } catch (Throwable t) {
                    // Every waiter must be released, whatever happened.
                    flight.completeExceptionally(t);
                } finally {
                    synchronized (flightLock) {
                        inFlight = null;
                    }
                }
            }
            OAuthTokens result = join(flight, deadline);
            if (leader || attempt > 0 || !stale.test(result)) {
                return result;
            }
        }
    }

    private static OAuthTokens join(CompletableFuture<OAuthTokens> flight, long deadline) {
        try {
            return flight.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new LockTimeoutException("another thread's token refresh did not finish within the call's budget");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for another thread's token refresh");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new OAuthException("token refresh failed", cause);
        }
    }

    /** What happened inside the lock, so listeners can be told after it is released. */
    private enum Outcome { NONE, REFRESHED, CLEARED }

    private OAuthTokens refreshUnderStoreLock(Predicate<OAuthTokens> stale, long deadline) {
        TokenStore store = oauth.store();
        Outcome[] outcome = {Outcome.NONE};
        OAuthTokens[] fresh = new OAuthTokens[1];
        try {
            return store.withRefreshLock(remaining(deadline), () -> {
                OAuthTokens current = store.load().orElseThrow(() -> new LoginRequiredException(
                        LoginRequiredException.Reason.NOT_LOGGED_IN, "not logged in"));
                if (!stale.test(current)) {
                    LOG.debug("tokens were already refreshed by another thread or process");
                    return current;
                }
                String refreshToken = current.refreshToken().orElseThrow(() -> new LoginRequiredException(
                        LoginRequiredException.Reason.NO_REFRESH_TOKEN, "no refresh token; log in again"));
                Instant requestedAt = oauth.clock().instant();
                AuthServerClient.TokenResult result;
                try {
                    result = oauth.server().refresh(refreshToken);
                } catch (TokenRequestException e) {
                    if ("invalid_grant".equals(e.error())) {
                        boolean cleared = store.clearIfCurrent(current);
                        if (cleared) {
                            outcome[0] = Outcome.CLEARED;
                        }
                        LOG.info("refresh token rejected (invalid_grant); login required{}",
                                cleared ? "" : " (store already changed by another process)");
                        throw new LoginRequiredException(LoginRequiredException.Reason.REFRESH_TOKEN_REJECTED,
                                "the authorization server rejected the refresh token (invalid_grant); log in again");
                    }
                    throw e;
                }
                OAuthTokens next = TokenResponses.toTokens(result, requestedAt, current, current.scopes());
                // Saved before anyone uses it: if this process died now, the next one would find the new pair.
                store.save(next);
                outcome[0] = Outcome.REFRESHED;
                fresh[0] = next;
                LOG.debug("access token refreshed; expires at {}", next.expiresAt().orElse(null));
                return next;
            });
        } finally {
            if (outcome[0] == Outcome.REFRESHED) {
                OAuthTokens t = fresh[0];
                oauth.notifyListeners(l -> l.onRefresh(t));
            } else if (outcome[0] == Outcome.CLEARED) {
                oauth.notifyListeners(l -> l.onCleared(TokenListener.ClearReason.REFRESH_TOKEN_REJECTED));
            }
        }
    }

    @Override
    public String toString() {
        return "OAuthCredentials[store=" + oauth.store() + "]";
    }
}
