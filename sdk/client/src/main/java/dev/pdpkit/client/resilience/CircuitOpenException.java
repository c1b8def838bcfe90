package dev.pdpkit.client.resilience;

import dev.pdpkit.client.errors.PrismaException;
import java.time.Duration;

/**
 * The client's circuit breaker is open: recent attempts failed often enough that the client refuses calls for a while
 * without sending them. Not retried by the client; nothing reached the server.
 */
public final class CircuitOpenException extends PrismaException {
    private static final long serialVersionUID = 1L;

    /** How long the breaker stays open after opening before it lets trial calls through. */
    private final Duration waitInOpenState;

    /**
     * @param message a description
     * @param waitInOpenState how long the breaker stays open after it opened before letting trial calls through
     */
    public CircuitOpenException(String message, Duration waitInOpenState) {
        super(message);
        this.waitInOpenState = waitInOpenState;
    }

    /** @return how long the breaker stays open after opening before it lets trial calls through */
    public Duration waitInOpenState() {
        return waitInOpenState;
    }
}
