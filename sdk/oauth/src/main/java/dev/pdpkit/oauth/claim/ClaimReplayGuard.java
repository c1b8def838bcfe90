package dev.pdpkit.oauth.claim;

import dev.pdpkit.oauth.internal.ReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Remembers which pending claims have been used, so a second callback for the same claim (a reload, a back button,
 * a replayed cookie) does nothing. {@link ClaimFlow} asks it once per callback that passed the state check, before
 * any token or API request.
 *
 * <p>The key is a SHA-256 of the claim's state, never the state itself. The default {@link #inMemory()} guard is
 * right for one process; several servers share one guard, for example a table with a unique key column:
 * {@code INSERT INTO used_claims(key, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING} and "first use" means one
 * row was inserted; rows can be deleted once {@code expires_at} has passed (the claim itself is then expired).
 */
@FunctionalInterface
public interface ClaimReplayGuard {

    /**
     * Records a claim as used, atomically.
     *
     * @param key a hash identifying the pending claim
     * @param expiresAt when the claim expires; the record may be dropped after that
     * @return true the first time for a key, false on every later call
     */
    boolean firstUse(String key, Instant expiresAt);

    /** @return a guard in this process's memory that forgets records once their claim has expired */
    static ClaimReplayGuard inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /**
     * @param clock decides when records can be forgotten
     * @return a guard in this process's memory
     */
    static ClaimReplayGuard inMemory(Clock clock) {
        return new ReplayGuard(Objects.requireNonNull(clock, "clock"))::firstUse;
    }
}
