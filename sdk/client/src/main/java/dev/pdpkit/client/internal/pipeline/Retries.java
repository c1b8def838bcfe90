package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.RateLimitException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client's Resilience4j retries, built once per client: one for requests that may be repeated and one for
 * requests that must not be acted on twice (see {@link RetryRules}). When the application passes a
 * {@link RetryRegistry}, they are created in it as {@code pdpkit-repeatable} and {@code pdpkit-once}, so its metrics
 * binding (resilience4j-micrometer) sees them.
 *
 * <p>Resilience4j only decides and counts: the interval function computes the wait (exponential back-off with equal
 * jitter, or the server's {@code Retry-After}) and the pipeline sleeps or schedules it, through the client's sleeper.
 */
final class Retries {
    static final String REPEATABLE = "pdpkit-repeatable";
    static final String ONCE = "pdpkit-once";

    private final RetryPolicy policy;
    private final Retry repeatable;
    private final Retry once;

    Retries(RetryPolicy policy, RetryRegistry registry) {
        this.policy = policy;
        this.repeatable = create(registry, REPEATABLE, config(policy, policy.maxRetries(), true));
        this.once = create(registry, ONCE, config(policy, policy.maxRetries(), false));
    }

    private static Retry create(RetryRegistry registry, String name, RetryConfig config) {
        return registry == null ? Retry.of(name, config) : registry.retry(name, config);
    }

    private static RetryConfig config(RetryPolicy policy, int maxRetries, boolean repeatable) {
        return RetryConfig.custom()
                .maxAttempts(maxRetries + 1)
                .retryOnException(repeatable ? RetryRules::retryRepeatable : RetryRules::retryOnce)
                .intervalBiFunction((IntervalBiFunction<Object>) (n, outcome) -> waitMillis(policy, n,
                        outcome.isLeft() ? outcome.getLeft() : null))
                .failAfterMaxAttempts(false)
                .writableStackTraceEnabled(false)
                .build();
    }

    /**
     * Picks the retry for one call. A call that sets its own retry count gets a retry of its own (built per call, so
     * such calls are not counted in the shared metrics).
     */
    Retry forCall(boolean repeatableRequest, Integer maxRetriesOverride) {
        if (maxRetriesOverride != null && maxRetriesOverride != policy.maxRetries()) {
            String name = repeatableRequest ? REPEATABLE : ONCE;
            return Retry.of(name, config(policy, maxRetriesOverride, repeatableRequest));
        }
        return repeatableRequest ? repeatable : once;
    }

    /** @return the retry policy the retries were built from */
    RetryPolicy policy() {
        return policy;
    }

    /** The server's {@code Retry-After}, when the failure carries one. */
    static Optional<Duration> retryAfter(Throwable t) {
        if (t instanceof RateLimitException) {
            return ((RateLimitException) t).retryAfter();
        }
        if (t instanceof InternalServerException) {
            return ((InternalServerException) t).retryAfter();
        }
        return Optional.empty();
    }

    private static long waitMillis(RetryPolicy policy, int failedAttempts, Throwable failure) {
        Optional<Duration> asked = retryAfter(failure);
        if (asked.isPresent()) {
            Duration d = asked.get();
            return d.compareTo(Duration.ofMillis(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2 : d.toMillis();
        }
        long base = policy.initialBackoff().toMillis();
        long capped = policy.maxBackoff().toMillis();
        long exp = failedAttempts >= 31 ? capped : Math.min(capped, base * (1L << (Math.max(1, failedAttempts) - 1)));
        // Equal jitter: at least half the back-off, so clients that failed together spread out but still wait.
        long half = exp / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }
}
