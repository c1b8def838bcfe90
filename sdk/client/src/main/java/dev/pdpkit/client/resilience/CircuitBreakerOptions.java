package dev.pdpkit.client.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the client's optional circuit breaker (Resilience4j underneath, count-based sliding window).
 *
 * <p>The breaker records every attempt. Failures are the errors that say something about the API's health:
 * connection failures and timeouts, 408 and every 5xx. A 4xx (including 409 and 429, which the API sends when it is
 * healthy) counts as a success. When, over the last {@link #slidingWindowSize()} attempts (and at least
 * {@link #minimumNumberOfCalls()}), the failure rate reaches {@link #failureRateThreshold()} percent, the breaker
 * opens: for {@link #waitInOpenState()} every call fails at once with {@link CircuitOpenException}. Then
 * {@link #permittedCallsInHalfOpenState()} trial attempts decide whether it closes again.
 *
 * <pre>{@code
 * PrismaManagement client = PrismaManagement.builder()
 *     .serviceToken(token)
 *     .circuitBreaker(CircuitBreakerOptions.opensAfterConsecutiveFailures(5))
 *     .build();
 * }</pre>
 */
public final class CircuitBreakerOptions {
    private final float failureRateThreshold;
    private final int slidingWindowSize;
    private final int minimumNumberOfCalls;
    private final Duration waitInOpenState;
    private final int permittedCallsInHalfOpenState;

    private CircuitBreakerOptions(Builder b) {
        this.failureRateThreshold = b.failureRateThreshold;
        this.slidingWindowSize = b.slidingWindowSize;
        this.minimumNumberOfCalls = Math.min(b.minimumNumberOfCalls, b.slidingWindowSize);
        this.waitInOpenState = b.waitInOpenState;
        this.permittedCallsInHalfOpenState = b.permittedCallsInHalfOpenState;
    }

    /** @return 50 % of the last 20 attempts (at least 10), open for 30 s, 2 trial attempts */
    public static CircuitBreakerOptions defaults() {
        return builder().build();
    }

    /**
     * @param failures how many failed attempts in a row open the breaker
     * @return options that open the breaker after {@code failures} consecutive failures, other settings default
     */
    public static CircuitBreakerOptions opensAfterConsecutiveFailures(int failures) {
        return builder().slidingWindowSize(failures).minimumNumberOfCalls(failures).failureRateThreshold(100).build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the failure rate, in percent, that opens the breaker */
    public float failureRateThreshold() {
        return failureRateThreshold;
    }

    /** @return how many of the latest attempts the failure rate is computed over */
    public int slidingWindowSize() {
        return slidingWindowSize;
    }

    /** @return how many attempts must be recorded before the rate is judged */
    public int minimumNumberOfCalls() {
        return minimumNumberOfCalls;
    }

    /** @return how long the breaker stays open before it lets trial attempts through */
    public Duration waitInOpenState() {
        return waitInOpenState;
    }

    /** @return how many trial attempts the half-open breaker lets through */
    public int permittedCallsInHalfOpenState() {
        return permittedCallsInHalfOpenState;
    }

    @Override
    public String toString() {
        return "CircuitBreakerOptions{failureRateThreshold=" + failureRateThreshold + ", slidingWindowSize="
                + slidingWindowSize + ", minimumNumberOfCalls=" + minimumNumberOfCalls + ", waitInOpenState="
                + waitInOpenState + ", permittedCallsInHalfOpenState=" + permittedCallsInHalfOpenState + "}";
    }

    /** Builds {@link CircuitBreakerOptions}. */
    public static final class Builder {
        private float failureRateThreshold = 50;
        private int slidingWindowSize = 20;
        private int minimumNumberOfCalls = 10;
        private Duration waitInOpenState = Duration.ofSeconds(30);
        private int permittedCallsInHalfOpenState = 2;

        private Builder() {
        }

        /**
         * @param percent failure rate that opens the breaker, in (0, 100]
         * @return this builder
         */
        public Builder failureRateThreshold(float percent) {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("failureRateThreshold must be in (0, 100]");
            }
            this.failureRateThreshold = percent;
            return this;
        }

        /**
         * @param size number of latest attempts judged, at least 1
         * @return this builder
         */
        public Builder slidingWindowSize(int size) {
            this.slidingWindowSize = atLeastOne(size, "slidingWindowSize");
            return this;
        }

        /**
         * @param calls attempts recorded before the rate is judged, at least 1 (capped at the window size)
         * @return this builder
         */
        public Builder minimumNumberOfCalls(int calls) {
            this.minimumNumberOfCalls = atLeastOne(calls, "minimumNumberOfCalls");
            return this;
        }

        /**
         * @param wait how long the breaker stays open, positive
         * @return this builder
         */
        public Builder waitInOpenState(Duration wait) {
            if (Objects.requireNonNull(wait, "wait").isNegative() || wait.isZero()) {
                throw new IllegalArgumentException("waitInOpenState must be positive");
            }
            this.waitInOpenState = wait;
            return this;
        }

        /**
         * @param calls trial attempts in the half-open state, at least 1
         * @return this builder
         */
        public Builder permittedCallsInHalfOpenState(int calls) {
            this.permittedCallsInHalfOpenState = atLeastOne(calls, "permittedCallsInHalfOpenState");
            return this;
        }

        /** @return the options */
        public CircuitBreakerOptions build() {
            return new CircuitBreakerOptions(this);
        }

        private static int atLeastOne(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return n;
        }
    }
}
