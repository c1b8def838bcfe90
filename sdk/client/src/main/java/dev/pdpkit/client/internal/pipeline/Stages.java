package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.http.AttemptEvent;
import dev.pdpkit.client.http.AttemptListener;
import dev.pdpkit.client.internal.Futures;
import dev.pdpkit.client.internal.http.ApiRequest;

/** Small helpers the stages share: keeping every failure typed, and calling listeners safely. */
final class Stages {
    private Stages() {
    }

    /**
     * Returns the failure as a {@link PrismaException}: a library or credentials bug surfacing as an unchecked
     * exception becomes one, so that callers only ever see the SDK's types.
     */
    static PrismaException typed(Throwable t, ApiRequest request) {
        Throwable cause = Futures.unwrap(t);
        if (cause instanceof PrismaException) {
            return (PrismaException) cause;
        }
        return new PrismaException("unexpected failure during " + request.operationId() + " ("
                + request.method() + " " + request.pathTemplate() + "): " + cause.getClass().getName(), cause);
    }

    static void notify(AttemptListener listener, AttemptEvent event) {
        try {
            listener.onAttempt(event);
        } catch (RuntimeException e) {
            LoggingStage.LOG.warn("attempt listener failed on {}: {}", event.operationId(), e.toString());
        }
    }
}
