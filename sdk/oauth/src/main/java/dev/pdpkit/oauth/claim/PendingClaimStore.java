package dev.pdpkit.oauth.claim;

import java.util.Optional;

/**
 * Where a web application keeps {@link PendingClaim}s between the "Claim it" request and the callback, keyed by
 * something only the user's browser has (a random session id in an {@code HttpOnly} cookie, for example).
 *
 * <p>The SDK never stores claims behind the caller's back; {@link ClaimFlow#start} only returns one. Choose:
 * <ul>
 *   <li>{@link InMemoryPendingClaimStore}: one process, claims expire on their own. Good for a single server.</li>
 *   <li>A database table: implement this interface with columns {@code key} (primary key; store a SHA-256 of it,
 *   not the raw cookie value), {@code claim} ({@link PendingClaim#encode()}, ideally encrypted at rest) and
 *   {@code expires_at}; {@link #take} is {@code DELETE ... WHERE key = ? AND expires_at > now() RETURNING claim}
 *   (or select-then-delete in one transaction), and a periodic job deletes expired rows.</li>
 *   <li>No server-side storage: {@link PendingClaimCookie} seals the claim with AES-GCM under a server key; send it
 *   as {@code HttpOnly; Secure; SameSite=Lax} cookie with {@code Max-Age} the claim's lifetime and open it on the
 *   callback. Then nothing here is needed, and a cookie replayed by the browser is stopped by {@link ClaimFlow}'s
 *   {@link ClaimReplayGuard}, which must then be shared by all servers.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface PendingClaimStore {

    /**
     * Keeps a claim until it is taken or expires ({@link PendingClaim#expiresAt()}).
     *
     * @param key the browser session's key; replaces any claim under the same key
     * @param claim the claim
     */
    void save(String key, PendingClaim claim);

    /**
     * Removes and returns the claim under {@code key}, atomically: of two concurrent callers at most one gets it.
     *
     * @param key the browser session's key
     * @return the claim, or empty if there is none or it has expired
     */
    Optional<PendingClaim> take(String key);
}
