package dev.pdpkit.oauth.claim;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link PendingClaimStore} in this process's memory. Expired claims are never returned and are purged on every
 * {@link #save}; the number of claims is capped, so a flood of "Claim it" requests cannot exhaust memory (the
 * oldest-expiring claim is dropped first). Thread-safe. Use a shared store when the application runs on more than one
 * server.
 */
public final class InMemoryPendingClaimStore implements PendingClaimStore {
    private final ConcurrentMap<String, PendingClaim> claims = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    /** A store with the system clock holding at most 10,000 claims. */
    public InMemoryPendingClaimStore() {
        this(Clock.systemUTC(), 10_000);
    }

    /**
     * @param clock decides expiry
     * @param maxEntries the most claims kept at once (at least 1)
     */
    public InMemoryPendingClaimStore(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public void save(String key, PendingClaim claim) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(claim, "claim");
        claims.values().removeIf(c -> c.isExpired(clock.instant()));
        synchronized (claims) {
            while (claims.size() >= maxEntries && !claims.containsKey(key)) {
                claims.entrySet().stream()
                        .min((a, b) -> a.getValue().expiresAt().compareTo(b.getValue().expiresAt()))
                        .ifPresent(e -> claims.remove(e.getKey(), e.getValue()));
            }
            claims.put(key, claim);
        }
    }

    @Override
    public Optional<PendingClaim> take(String key) {
        if (key == null) {
            return Optional.empty();
        }
        PendingClaim claim = claims.remove(key);
        return claim == null || claim.isExpired(clock.instant()) ? Optional.empty() : Optional.of(claim);
    }

    /** @return the number of claims held, expired ones included until the next purge */
    public int size() {
        return claims.size();
    }

    @Override
    public String toString() {
        return "InMemoryPendingClaimStore[size=" + claims.size() + ", maxEntries=" + maxEntries + "]";
    }
}
