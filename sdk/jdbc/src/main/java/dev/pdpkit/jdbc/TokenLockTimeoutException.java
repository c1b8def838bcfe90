package dev.pdpkit.jdbc;

import dev.pdpkit.oauth.LockTimeoutException;
import dev.pdpkit.oauth.TokenStoreException;
import java.time.Duration;

/**
 * A {@link JdbcTokenStore} waited longer than its lock timeout for the row of a principal's tokens, because another
 * thread or instance held it (usually while refreshing). Nothing was changed; the caller may retry. It is the
 * {@link LockTimeoutException} every store throws for a lock wait that ran out; its {@link #reason()} is
 * {@link TokenStoreException.Reason#LOCK_TIMEOUT}.
 */
public class TokenLockTimeoutException extends LockTimeoutException {
    private static final long serialVersionUID = 1L;

    private final transient Duration waited;

    /**
     * @param key the principal key whose row was locked
     * @param waited how long the store waited
     * @param cause the driver's error, or null when the wait ran out inside this process
     */
    public TokenLockTimeoutException(String key, Duration waited, Throwable cause) {
        super("gave up after " + waited.toMillis() + " ms waiting for the lock on the tokens of key '"
                + key + "': another thread or instance holds it", cause);
        this.waited = waited;
    }

    /** @return the lock timeout that ran out */
    public Duration waited() {
        return waited;
    }
}
