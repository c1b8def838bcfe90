package dev.pdpkit.client.waiters;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often a {@link Waiter} polls: the first poll at once, then after {@link #initialInterval()},
 * each interval {@link #multiplier()} times the previous one up to {@link #maxInterval()}, until
 * {@link #timeout()}; every poll is reported to the {@link #listener()}.
 */
public final class WaitOptions {
    private static final WaitOptions DEFAULTS = builder().build();

    private final Duration timeout;
    private final Duration initialInterval;
    private final Duration maxInterval;
    private final double multiplier;
    private final WaitListener listener;

    private WaitOptions(Builder b) {
        this.timeout = b.timeout;
        this.initialInterval = b.initialInterval;
        this.maxInterval = b.maxInterval.compareTo(b.initialInterval) < 0 ? b.initialInterval : b.maxInterval;
        this.multiplier = b.multiplier;
        this.listener = b.listener;
    }

    /** @return 10 minutes in all, polls 2 s apart growing by 1.5 up to 20 s, no listener */
    public static WaitOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the longest the wait lasts */
    public Duration timeout() {
        return timeout;
    }

    /** @return the interval after the first poll */
    public Duration initialInterval() {
        return initialInterval;
    }

    /** @return the longest interval between two polls */
    public Duration maxInterval() {
        return maxInterval;
    }

    /** @return how much each interval grows */
    public double multiplier() {
        return multiplier;
    }

    /** @return told about every poll */
    public WaitListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "WaitOptions{timeout=" + timeout + ", initialInterval=" + initialInterval + ", maxInterval="
                + maxInterval + ", multiplier=" + multiplier + "}";
    }

    /** Builds {@link WaitOptions}. */
    public static final class Builder {
        private Duration timeout = Duration.ofMinutes(10);
        private Duration initialInterval = Duration.ofSeconds(2);
        private Duration maxInterval = Duration.ofSeconds(20);
        private double multiplier = 1.5;
        private WaitListener listener = WaitListener.NONE;

        private Builder() {
        }

        /**
         * @param timeout the longest the wait lasts, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * @param interval the interval after the first poll, positive
         * @return this builder
         */
        public Builder initialInterval(Duration interval) {
            this.initialInterval = positive(interval, "initialInterval");
            return this;
        }

        /**
         * @param interval the longest interval between polls, positive
         * @return this builder
         */
        public Builder maxInterval(Duration interval) {
            this.maxInterval = positive(interval, "maxInterval");
            return this;
        }

        /**
         * @param multiplier growth of the interval, at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("multiplier must be at least 1");
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * @param listener told about every poll
         * @return this builder
         */
        public Builder listener(WaitListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the options */
        public WaitOptions build() {
            return new WaitOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
