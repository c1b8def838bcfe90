package dev.pdpkit.client.waiters;

import dev.pdpkit.client.errors.PrismaException;
import java.time.Duration;

/** A {@link Waiter} ran out of time before the resource reached the awaited state. */
public final class WaitTimeoutException extends PrismaException {
    private static final long serialVersionUID = 1L;

    /** The status of the last poll. */
    private final String lastStatus;
    /** How many polls were made. */
    private final int attempts;
    /** How long the wait took, by the client's clock. */
    private final Duration elapsed;

    /**
     * @param resource what was awaited, e.g. {@code database db_123}
     * @param lastStatus the status of the last poll
     * @param attempts how many polls were made
     * @param elapsed how long the wait took
     */
    public WaitTimeoutException(String resource, String lastStatus, int attempts, Duration elapsed) {
        super("gave up waiting for " + resource + " after " + elapsed + " and " + attempts + " polls; last status: "
                + lastStatus);
        this.lastStatus = lastStatus;
        this.attempts = attempts;
        this.elapsed = elapsed;
    }

    /** @return the status of the last poll */
    public String lastStatus() {
        return lastStatus;
    }

    /** @return how many polls were made */
    public int attempts() {
        return attempts;
    }

    /** @return how long the wait took, by the client's clock */
    public Duration elapsed() {
        return elapsed;
    }
}
