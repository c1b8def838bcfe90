package dev.pdpkit.client.errors;

/** A call ran out of time: a connect, read or write timeout, or the whole-call time budget. */
public final class PrismaTimeoutException extends PrismaNetworkException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a description free of secrets
     * @param cause the underlying timeout, or null
     * @param requestMayHaveBeenSent false only when the request certainly never reached the server
     */
    public PrismaTimeoutException(String message, Throwable cause, boolean requestMayHaveBeenSent) {
        super(message, cause, requestMayHaveBeenSent);
    }
}
