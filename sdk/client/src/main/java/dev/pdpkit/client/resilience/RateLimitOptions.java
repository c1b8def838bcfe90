package dev.pdpkit.client.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the client's optional rate limiter (Resilience4j underneath): at most {@link #permits()} attempts per
 * {@link #period()}. An attempt over the limit waits for the next permit through the client's sleeper; if that would
 * take longer than {@link #maxWait()} or than what is left of the call's time budget, it fails with
 * {@link RateLimitWaitException} instead. Enable with
 * {@link dev.pdpkit.client.PrismaManagement.Builder#rateLimit(int, Duration)}.
 */
public final class RateLimitOptions {
    private final int permits;
    private final Duration period;
    private final Duration maxWait;

    private RateLimitOptions(int permits, Duration period, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        if (Objects.requireNonNull(period, "period").isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        if (Objects.requireNonNull(maxWait, "maxWait").isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        this.permits = permits;
        this.period = period;
        this.maxWait = maxWait;
    }

    /**
     * @param permits attempts allowed per period, at least 1
     * @param period the period, positive
     * @param maxWait the longest an attempt waits for a permit
     * @return the options
     */
    public static RateLimitOptions of(int permits, Duration period, Duration maxWait) {
        return new RateLimitOptions(permits, period, maxWait);
    }

    /**
     * @param permits attempts allowed per period, at least 1
     * @param period the period, positive
     * @return the options, waiting up to 5 minutes for a permit (the call's time budget still applies)
     */
    public static RateLimitOptions of(int permits, Duration period) {
        return new RateLimitOptions(permits, period, Duration.ofMinutes(5));
    }

    /** @return attempts allowed per period */
    public int permits() {
        return permits;
    }

    /** @return the period */
    public Duration period() {
        return period;
    }

    /** @return the longest an attempt waits for a permit */
    public Duration maxWait() {
        return maxWait;
    }

    @Override
    public String toString() {
        return "RateLimitOptions{permits=" + permits + ", period=" + period + ", maxWait=" + maxWait + "}";
    }
}
