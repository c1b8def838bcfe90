package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.resilience.RateLimitOptions;
import dev.pdpkit.client.resilience.RateLimitWaitException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;

/**
 * The optional client-side rate limiter, inside the circuit breaker: every attempt reserves a permit from a
 * Resilience4j limiter ({@code permits} per {@code period}) and waits for it through the client's {@link Sleeper}. An
 * attempt whose permit is further away than the limiter's maximum wait, or than the call's remaining time budget,
 * fails with {@link RateLimitWaitException} without being sent.
 *
 * <p>Resilience4j measures its periods with {@link System#nanoTime()}, not the client's clock; only the waiting goes
 * through the sleeper.
 */
public final class RateLimiterStage implements Stage {
    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final Stage next;

    /**
     * @param options permits per period and the longest wait
     * @param sleeper waits for a permit
     * @param next the rest of the per-attempt pipeline
     */
    public RateLimiterStage(RateLimitOptions options, Sleeper sleeper, Stage next) {
        this(options, sleeper, null, next);
    }

    /**
     * @param options permits per period and the longest wait
     * @param sleeper waits for a permit
     * @param registry the application's registry to create the limiter in ({@code pdpkit}), or null
     * @param next the rest of the per-attempt pipeline
     */
    public RateLimiterStage(RateLimitOptions options, Sleeper sleeper, RateLimiterRegistry registry, Stage next) {
        this.sleeper = sleeper;
        this.next = next;
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(options.permits())
                .limitRefreshPeriod(options.period())
                .timeoutDuration(options.maxWait())
                .writableStackTraceEnabled(false)
                .build();
        this.limiter = registry == null ? RateLimiter.of("pdpkit", config) : registry.rateLimiter("pdpkit", config);
    }

    @Override
    public HttpResponse send(Attempt attempt) {
        ApiRequest req = attempt.request();
        long nanos = limiter.reservePermission();
        if (nanos < 0) {
            throw new RateLimitWaitException("client-side rate limit: no permit within the maximum wait; "
                    + req.method() + " " + req.pathTemplate() + " was not sent", null);
        }
        if (nanos > 0) {
            Duration wait = Duration.ofNanos(nanos);
            if (wait.compareTo(attempt.remaining()) > 0) {
                throw new RateLimitWaitException("client-side rate limit: the next permit is further away than the "
                        + "call's time budget; " + req.method() + " " + req.pathTemplate() + " was not sent", wait);
            }
            LoggingStage.LOG.debug("--- {} {} attempt={} waits {}ms for a rate-limit permit", req.method(),
                    req.pathTemplate(), attempt.number(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrismaException("interrupted while waiting for a rate-limit permit", e);
            }
        }
        return next.send(attempt);
    }
}
