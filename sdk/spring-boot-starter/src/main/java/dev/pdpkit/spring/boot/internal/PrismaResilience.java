package dev.pdpkit.spring.boot.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The Resilience4j registries the client's retries, circuit breaker and rate limiter live in: the application's
 * registry beans when it has them (their metrics are the application's business), else registries of our own, whose
 * metrics the starter binds.
 *
 * @param retries the retry registry
 * @param circuitBreakers the circuit breaker registry
 * @param rateLimiters the rate limiter registry
 * @param ownRetries true when {@code retries} is ours
 * @param ownCircuitBreakers true when {@code circuitBreakers} is ours
 * @param ownRateLimiters true when {@code rateLimiters} is ours
 */
public record PrismaResilience(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
                               RateLimiterRegistry rateLimiters, boolean ownRetries, boolean ownCircuitBreakers,
                               boolean ownRateLimiters) {

    /**
     * @param retries the application's registry, or null
     * @param circuitBreakers the application's registry, or null
     * @param rateLimiters the application's registry, or null
     * @return the registries to use
     */
    public static PrismaResilience of(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
                                      RateLimiterRegistry rateLimiters) {
        return new PrismaResilience(retries != null ? retries : RetryRegistry.ofDefaults(),
                circuitBreakers != null ? circuitBreakers : CircuitBreakerRegistry.ofDefaults(),
                rateLimiters != null ? rateLimiters : RateLimiterRegistry.ofDefaults(),
                retries == null, circuitBreakers == null, rateLimiters == null);
    }
}
