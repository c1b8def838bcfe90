package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.RateLimitException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.HttpExchange;
import dev.pdpkit.client.internal.http.Transport;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outermost stage and the only owner of retries (OkHttp's own are off). Resilience4j decides whether an attempt
 * is retried and counts attempts; the back-off is computed here so that it can honour {@code Retry-After}, respect the
 * call's time budget and wait through an injectable {@link Sleeper}.
 */
public final class RetryStage implements Transport {
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 500, 502, 503, 504);

    private final Stage next;
    private final RetryPolicy policy;
    private final Duration defaultTimeout;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param next the per-attempt pipeline (credentials, logging, HTTP)
     * @param policy retry counts and back-off
     * @param defaultTimeout the time budget of a whole call, unless the call sets its own
     * @param sleeper waits between attempts
     * @param clock measures the budget
     */
    public RetryStage(Stage next, RetryPolicy policy, Duration defaultTimeout, Sleeper sleeper, Clock clock) {
        this.next = next;
        this.policy = policy;
        this.defaultTimeout = defaultTimeout;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public HttpExchange send(ApiRequest request, RequestOptions options) {
        int maxRetries = options.maxRetries().orElse(policy.maxRetries());
        Instant deadline = clock.instant().plus(options.timeout().orElse(defaultTimeout));
        AtomicInteger attempts = new AtomicInteger();
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(maxRetries + 1)
                .retryOnException(t -> isRetryable(t, request, options, deadline))
                .intervalBiFunction((Integer n, io.github.resilience4j.core.functions.Either<Throwable, Object> e) ->
                        backOff(n, e.getLeft(), deadline))
                .build();
        Retry retry = Retry.of(request.operationId(), config);
        try {
            return retry.executeSupplier(
                    () -> next.send(new Attempt(request, options, attempts.incrementAndGet(), deadline, clock)));
        } catch (StopRetrying stop) {
            throw stop.failure;
        }
    }

    private boolean isRetryable(Throwable t, ApiRequest request, RequestOptions options, Instant deadline) {
        if (!clock.instant().isBefore(deadline)) {
            return false;
        }
        boolean repeatable = request.idempotency() != ApiRequest.IdempotencyKind.NON_IDEMPOTENT
                || options.retryNonIdempotent().orElse(false);
        if (t instanceof PrismaApiException) {
            return RETRYABLE_STATUS.contains(((PrismaApiException) t).statusCode()) && repeatable;
        }
        if (t instanceof PrismaNetworkException) {
            // A request that never left this machine cannot have been acted on, whatever its method.
            return !((PrismaNetworkException) t).requestMayHaveBeenSent() || repeatable;
        }
        return false;
    }

    /** Waits before the next attempt and returns 0, so Resilience4j itself does not sleep. */
    private long backOff(int failedAttempts, Throwable failure, Instant deadline) {
        PrismaException last = (PrismaException) failure;
        Optional<Duration> asked = retryAfter(failure);
        Duration wait;
        if (asked.isPresent()) {
            if (asked.get().compareTo(policy.maxRetryAfter()) > 0) {
                throw new StopRetrying(last); // the server asked for longer than we are allowed to wait
            }
            wait = asked.get();
        } else {
            wait = exponential(failedAttempts);
        }
        if (clock.instant().plus(wait).isAfter(deadline)) {
            throw new StopRetrying(last);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopRetrying(new PrismaException("interrupted while waiting to retry", last));
        }
        return 0L;
    }

    private Duration exponential(int failedAttempts) {
        long base = policy.initialBackoff().toMillis();
        long capped = policy.maxBackoff().toMillis();
        long exp = failedAttempts >= 31 ? capped : Math.min(capped, base * (1L << (failedAttempts - 1)));
        // Equal jitter: at least half the back-off, so clients that failed together spread out but still wait.
        long half = exp / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    private static Optional<Duration> retryAfter(Throwable t) {
        if (t instanceof RateLimitException) {
            return ((RateLimitException) t).retryAfter();
        }
        if (t instanceof InternalServerException) {
            return ((InternalServerException) t).retryAfter();
        }
        return Optional.empty();
    }

    /** Ends the retries from inside the back-off, carrying the failure the caller should see. */
    private static final class StopRetrying extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PrismaException failure;

        StopRetrying(PrismaException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
