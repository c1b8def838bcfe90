package dev.pdpkit.oauth;

/** A loopback login ended without tokens because it timed out, was cancelled, or could not listen. */
public class LoopbackLoginException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** Why the loopback login ended. */
    public enum Reason {
        /** No valid callback arrived within the timeout. */
        TIMEOUT,
        /** {@link LoopbackLogin#cancel()} was called or the waiting thread was interrupted. */
        CANCELLED,
        /** The local listener could not be started. */
        LISTENER_FAILED
    }

    /** Why the login ended. */
    private final Reason reason;

    /**
     * @param reason why the login ended
     * @param message a description free of secrets
     * @param cause the underlying cause, or null
     */
    public LoopbackLoginException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the login ended */
    public Reason reason() {
        return reason;
    }
}
