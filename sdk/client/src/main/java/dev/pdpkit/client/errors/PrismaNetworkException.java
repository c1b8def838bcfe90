package dev.pdpkit.client.errors;

/**
 * No usable response arrived: the connection failed, was reset, or timed out, or the response broke off mid-way.
 * {@link #requestMayHaveBeenSent()} tells whether the server may have acted on the request, which decides whether a
 * create may be repeated safely.
 */
public class PrismaNetworkException extends PrismaException {
    private static final long serialVersionUID = 1L;

    /** False only when the failure certainly happened before any byte was sent. */
    private final boolean requestMayHaveBeenSent;

    /**
     * @param message a description free of secrets
     * @param cause the I/O failure
     * @param requestMayHaveBeenSent false only when the failure certainly happened before any byte was sent
     */
    public PrismaNetworkException(String message, Throwable cause, boolean requestMayHaveBeenSent) {
        super(message, cause);
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /** @return true: a network failure is transient */
    @Override
    public boolean isRetryable() {
        return true;
    }

    /** @return false only when the request certainly never reached the server (for example, connection refused) */
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }
}
