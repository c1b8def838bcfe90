package dev.pdpkit.client.waiters;

import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.errors.PrismaException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a resource until its status is a success or a failure status, or time runs out. Works for any resource with a
 * status field; {@link Waiters#database} is one configured for databases.
 *
 * <pre>{@code
 * Waiter<Database> waiter = Waiters.<Database>waiter(client)
 *         .resource("database " + id)
 *         .fetch(() -> client.databases().get(id))
 *         .status(d -> d.status().asString())
 *         .success("ready"::equals)
 *         .failure("failure"::equals)
 *         .build();
 * Database ready = waiter.await(WaitOptions.defaults());
 * }</pre>
 *
 * <p>Exceptions of {@code fetch} end the wait unchanged: the client has already retried the transient ones, so what
 * arrives is permanent (a 404, a 403) or persistent. A status that is neither success nor failure (including one this
 * SDK does not know, or none) means "keep polling". Thread-safe if {@code fetch} is; one waiter can serve many waits.
 *
 * @param <T> the resource type
 */
public final class Waiter<T> {
    private final String resource;
    private final Supplier<T> fetch;
    private final Supplier<CompletableFuture<T>> fetchAsync;
    private final Function<T, String> status;
    private final Predicate<String> success;
    private final Predicate<String> failure;
    private final Sleeper sleeper;
    private final Clock clock;

    private Waiter(Builder<T> b) {
        this.resource = b.resource;
        if (b.fetch == null && b.fetchAsync == null) {
            throw new NullPointerException("fetch or fetchAsync");
        }
        this.fetchAsync = b.fetchAsync;
        this.fetch = b.fetch != null ? b.fetch : () -> AsyncWait.join(b.fetchAsync.get());
        this.status = Objects.requireNonNull(b.status, "status");
        this.success = Objects.requireNonNull(b.success, "success");
        this.failure = b.failure;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /**
     * @param <T> the resource type
     * @return a builder using the system clock and real sleeping (prefer {@link Waiters#waiter} to use the
     *     client's)
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Polls until the resource reaches a success status.
     *
     * @param options timeout, intervals and listener
     * @return the resource as the successful poll read it
     * @throws ResourceFailedException when a poll reads a failure status
     * @throws WaitTimeoutException when the timeout passes first
     * @throws dev.pdpkit.client.errors.PrismaApiException when a poll fails with an error status
     * @throws dev.pdpkit.client.errors.PrismaNetworkException when a poll gets no usable response
     * @throws PrismaException when interrupted (the interrupt flag is kept)
     */
    public T await(WaitOptions options) {
        Objects.requireNonNull(options, "options");
        Instant start = clock.instant();
        Instant deadline = start.plus(options.timeout());
        Duration interval = options.initialInterval();
        int attempt = 0;
        while (true) {
            attempt++;
            T value = fetch.get();
            Duration remaining = check(value, attempt, start, deadline, options);
            if (remaining == null) {
                return value;
            }
            try {
                sleeper.sleep(interval.compareTo(remaining) < 0 ? interval : remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrismaException("interrupted while waiting for " + resource, e);
            }
            interval = next(interval, options);
        }
    }

    /**
     * Polls like {@link #await(WaitOptions)} without blocking a thread: each poll is {@code fetchAsync}, and the pause
     * between polls is scheduled. Cancelling the returned future stops the polling and cancels the poll in flight.
     *
     * @param options timeout, intervals and listener
     * @return the resource as the successful poll read it; completed exceptionally with what {@code await} throws
     * @throws IllegalStateException if the waiter was built without {@code fetchAsync}
     */
    public CompletableFuture<T> awaitAsync(WaitOptions options) {
        Objects.requireNonNull(options, "options");
        if (fetchAsync == null) {
            throw new IllegalStateException("awaitAsync needs a waiter built with fetchAsync");
        }
        return new AsyncWait<>(this, options).start();
    }

    /**
     * @return {@link #awaitAsync(WaitOptions)} with {@link WaitOptions#defaults()}
     * @throws IllegalStateException if the waiter was built without {@code fetchAsync}
     */
    public CompletableFuture<T> awaitAsync() {
        return awaitAsync(WaitOptions.defaults());
    }

    /**
     * Judges one poll, for both forms of waiting: tells the listener, then ends the wait or says how long is left.
     *
     * @return null when the resource reached a success status, else the time left before the deadline (positive)
     * @throws ResourceFailedException when the poll read a failure status
     * @throws WaitTimeoutException when no time is left
     */
    Duration check(T value, int attempt, Instant start, Instant deadline, WaitOptions options) {
        String current = value == null ? null : status.apply(value);
        String shown = current == null ? "unknown" : current;
        Instant now = clock.instant();
        options.listener().onPoll(new WaitProgress(attempt, shown, Duration.between(start, now)));
        if (current != null && success.test(current)) {
            return null;
        }
        if (current != null && failure.test(current)) {
            throw new ResourceFailedException(resource, current);
        }
        Duration remaining = Duration.between(now, deadline);
        if (remaining.isZero() || remaining.isNegative()) {
            throw new WaitTimeoutException(resource, shown, attempt, Duration.between(start, now));
        }
        return remaining;
    }

    Supplier<CompletableFuture<T>> fetchAsync() {
        return fetchAsync;
    }

    Clock clock() {
        return clock;
    }

    /** @return the default options: {@link WaitOptions#defaults()} */
    public T await() {
        return await(WaitOptions.defaults());
    }

    static Duration next(Duration interval, WaitOptions options) {
        double millis = interval.toMillis() * options.multiplier();
        long capped = (long) Math.min(millis, (double) options.maxInterval().toMillis());
        return Duration.ofMillis(Math.max(capped, 1));
    }

    /**
     * Builds a {@link Waiter}.
     *
     * @param <T> the resource type
     */
    public static final class Builder<T> {
        private String resource = "resource";
        private Supplier<T> fetch;
        private Supplier<CompletableFuture<T>> fetchAsync;
        private Function<T, String> status;
        private Predicate<String> success;
        private Predicate<String> failure = s -> false;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();

        Builder() {
        }

        /**
         * @param description what is awaited, for messages, e.g. {@code database db_123}; no secrets
         * @return this builder
         */
        public Builder<T> resource(String description) {
            this.resource = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param fetch reads the resource once (typically a {@code get})
         * @return this builder
         */
        public Builder<T> fetch(Supplier<T> fetch) {
            this.fetch = Objects.requireNonNull(fetch, "fetch");
            return this;
        }

        /**
         * @param fetchAsync starts reading the resource once (typically an asynchronous {@code get}); needed by
         *     {@code awaitAsync}, and used by {@code await} when no {@code fetch} is set
         * @return this builder
         */
        public Builder<T> fetchAsync(Supplier<CompletableFuture<T>> fetchAsync) {
            this.fetchAsync = Objects.requireNonNull(fetchAsync, "fetchAsync");
            return this;
        }

        /**
         * @param status reads the status of a fetched resource (null: unknown, keep polling)
         * @return this builder
         */
        public Builder<T> status(Function<T, String> status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * @param success the statuses that end the wait successfully
         * @return this builder
         */
        public Builder<T> success(Predicate<String> success) {
            this.success = Objects.requireNonNull(success, "success");
            return this;
        }

        /**
         * @param failure the statuses that end the wait with {@link ResourceFailedException} (default: none)
         * @return this builder
         */
        public Builder<T> failure(Predicate<String> failure) {
            this.failure = Objects.requireNonNull(failure, "failure");
            return this;
        }

        /**
         * @param sleeper waits between polls
         * @return this builder
         */
        public Builder<T> sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @param clock measures the timeout and the elapsed time
         * @return this builder
         */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the waiter
         * @throws NullPointerException if status, success, or both fetch and fetchAsync are missing
         */
        public Waiter<T> build() {
            return new Waiter<>(this);
        }
    }
}
