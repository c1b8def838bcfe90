package dev.pdpkit.oauth;

/**
 * A {@link TokenStore} could not read or write its tokens. A file store that finds a corrupt or truncated file
 * reports {@link Reason#CORRUPT} and leaves the file in place for inspection; {@link PrismaOAuth#logout()} or
 * {@link TokenStore#clear()} removes it.
 */
public class TokenStoreException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The stored data cannot be parsed or has an unknown format version. */
        CORRUPT,
        /** Reading, writing or locking failed. */
        IO,
        /** The refresh lock was not obtained within the caller's time budget ({@link LockTimeoutException}). */
        LOCK_TIMEOUT,
        /** A path the store would use is a symbolic link; the store refuses to follow it. */
        SYMLINK
    }

    /** What went wrong. */
    private final Reason reason;

    /**
     * @param reason what went wrong
     * @param message a description free of secrets
     * @param cause the underlying cause, or null
     */
    public TokenStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }
}
