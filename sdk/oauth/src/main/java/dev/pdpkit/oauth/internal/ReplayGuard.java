package dev.pdpkit.oauth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers used one-time values (by SHA-256, never the value) until they expire, atomically: of two threads marking
 * the same value, exactly one is first. Thread-safe.
 */
public final class ReplayGuard {
    private final Clock clock;
    private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();

    /**
     * @param clock decides when records can be forgotten
     */
    public ReplayGuard(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param key the key, already hashed or otherwise free of secrets
     * @param expiresAt when the record may be dropped
     * @return true the first time for {@code key}
     */
    public boolean firstUse(String key, Instant expiresAt) {
        Instant now = clock.instant();
        used.values().removeIf(e -> e.isBefore(now));
        return used.putIfAbsent(key, expiresAt) == null;
    }

    /**
     * @param secret a one-time value such as a state or code
     * @return its SHA-256, base64url
     */
    public static String hash(String secret) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
