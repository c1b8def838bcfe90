package dev.pdpkit.client.resilience;

import dev.pdpkit.client.errors.PrismaException;
import java.time.Duration;
import java.util.Optional;

/**
 * The client-side rate limiter would have made the attempt wait longer than allowed (its maximum wait, or what is
 * left of the call's time budget). Nothing was sent; not retried by the client.
 */
public final class RateLimitWaitException extends PrismaException {
    private static final long serialVersionUID = 1L;

    /** The wait the limiter asked for, or null when it is beyond the limiter's maximum wait. */
    private final Duration wait;

    /**
     * @param message a description
     * @param wait the wait the limiter asked for, or null when it is beyond the limiter's maximum wait
     */
    public RateLimitWaitException(String message, Duration wait) {
        super(message);
        this.wait = wait;
    }

    /** @return the wait the limiter asked for; empty when it is beyond the limiter's maximum wait */
    public Optional<Duration> requiredWait() {
        return Optional.ofNullable(wait);
    }
}
