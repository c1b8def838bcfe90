package dev.pdpkit.doctor.internal;

import java.time.Duration;

/** The time left of the whole check's budget; every step cuts its own timeouts to it. */
public final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /**
     * @param budget the whole check's time budget
     * @return a deadline that ends {@code budget} from now
     */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** @return the time left, never negative */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** @return true when no time is left */
    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** @return the time left in milliseconds, at least 1 (0 would mean "no timeout" to socket APIs) */
    public int millisLeft() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
    }

    /** @return the time left in whole seconds, rounded up and at least 1, for pgjdbc's second-based timeouts */
    public int secondsLeft() {
        return (int) Math.max(1, (remaining().toMillis() + 999) / 1000);
    }
}
