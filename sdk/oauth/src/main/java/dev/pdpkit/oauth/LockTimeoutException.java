package dev.pdpkit.oauth;

/**
 * The token store's refresh lock, held by another thread or process that is refreshing, did not become free within
 * the call's time budget. Nothing was changed; the call can be repeated. Reason {@link Reason#LOCK_TIMEOUT}.
 */
public class LockTimeoutException extends TokenStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a description free of secrets
     */
    public LockTimeoutException(String message) {
        this(message, null);
    }

    /**
     * @param message a description free of secrets
     * @param cause what ended the wait (a store's driver error, say), or null
     */
    public LockTimeoutException(String message, Throwable cause) {
        super(Reason.LOCK_TIMEOUT, message, cause);
    }
}
