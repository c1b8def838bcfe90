package dev.pdpkit.client.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What the asynchronous paths share about futures. Internal: not part of the public API. */
public final class Futures {
    private Futures() {
    }

    /**
     * @param t what a future failed with
     * @return the failure itself, without the {@link CompletionException} or {@link ExecutionException} wrappers
     *     that futures put around it
     */
    public static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
