package dev.pdpkit.client.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries: how many times, how long it backs off, and how long it honours a server's
 * {@code Retry-After}. The whole call is also bounded by the client's (or the call's) timeout.
 *
 * <p>Retried: connection failures, timeouts before a response, 408, 429, 500, 502, 503 and 504. Never other 4xx. GET,
 * PUT and DELETE retry on all of these; POST and PATCH only when the request certainly did not reach the server, when
 * the create carries a {@code logicalId} (see {@code getOrCreate}), or when the call opts in with
 * {@link RequestOptions.Builder#retryNonIdempotent(boolean)}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxRetries(4).initialBackoff(Duration.ofMillis(200)).build();
 * }</pre>
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** @return 2 retries, 500 ms initial back-off doubling up to 8 s, {@code Retry-After} honoured up to 60 s */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this policy */
    public Builder toBuilder() {
        return new Builder().maxRetries(maxRetries).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .maxRetryAfter(maxRetryAfter);
    }

    /** @return retries after the first attempt */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the back-off before the first retry, before jitter */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the longest back-off between two attempts, before jitter */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the longest {@code Retry-After} honoured; a longer one ends the retries */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy p = (RetryPolicy) o;
        return maxRetries == p.maxRetries && initialBackoff.equals(p.initialBackoff) && maxBackoff.equals(p.maxBackoff)
                && maxRetryAfter.equals(p.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "}";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * @param maxRetries retries after the first attempt, zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param initialBackoff back-off before the first retry; doubles for each further retry
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * @param maxBackoff the cap of the exponential back-off
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * @param maxRetryAfter the longest server-requested wait the client accepts
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** @return the policy */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
