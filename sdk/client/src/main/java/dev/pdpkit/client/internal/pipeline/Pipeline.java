package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.http.AttemptListener;
import dev.pdpkit.client.http.HttpTransport;
import dev.pdpkit.client.resilience.CircuitBreakerOptions;
import dev.pdpkit.client.resilience.RateLimitOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles the request pipeline, outermost first: retry → circuit breaker (optional) → rate limiter (optional) →
 * credentials → logging → HTTP (status mapping over the {@link HttpTransport}).
 *
 * <p>Why this order: the retry stage is outermost so that every attempt passes through everything below it (a fresh
 * credential, a log line, a breaker record, a permit). The breaker is inside the retry so it judges attempts and so
 * that its refusal ({@code CircuitOpenException}, never retried) ends the call at once instead of being waited out by
 * back-offs. The limiter is inside the breaker so a refused attempt takes no permit, and outside the credentials so a
 * token is fetched only after the wait for a permit (it cannot expire while waiting). Logging is next to HTTP so it
 * shows exactly what was sent, attempt by attempt.
 */
public final class Pipeline {
    private final RetryStage retry;
    private final AsyncCalls async;

    private Pipeline(Settings s) {
        HttpStage http = new HttpStage(s.transport, s.baseUrl, s.headers, s.clock);
        BearerHeader bearer = new BearerHeader();
        Stage perAttempt = new AuthStage(s.credentials, bearer, new LoggingStage(http, s.logBodies));
        if (s.rateLimit != null) {
            perAttempt = new RateLimiterStage(s.rateLimit, s.sleeper, s.rateLimiterRegistry, perAttempt);
        }
        if (s.circuitBreaker != null) {
            perAttempt = new CircuitBreakerStage(s.circuitBreaker, s.clock, s.circuitBreakerRegistry, perAttempt);
        }
        Retries retries = new Retries(s.retryPolicy, s.retryRegistry);
        this.retry = new RetryStage(perAttempt, retries, s.timeout, s.sleeper, s.clock, s.listener);
        this.async = new AsyncCalls(retry, s.credentials, bearer, http, s.circuitBreaker == null && s.rateLimit == null);
    }

    /**
     * Builds the pipeline.
     *
     * @param settings what it is built from
     * @return the pipeline
     */
    public static Pipeline create(Settings settings) {
        return new Pipeline(settings);
    }

    /** @return the blocking entry point */
    public RetryStage blocking() {
        return retry;
    }

    /** @return the non-blocking entry point */
    public AsyncCalls async() {
        return async;
    }

    /** Releases the threads the asynchronous path started. */
    public void close() {
        async.close();
    }

    /** What a pipeline is built from; every field but the optional ones must be set. */
    public static final class Settings {
        HttpTransport transport;
        String baseUrl;
        Map<String, String> headers = Map.of();
        Credentials credentials;
        RetryPolicy retryPolicy = RetryPolicy.defaults();
        RetryRegistry retryRegistry;
        Duration timeout = Duration.ofSeconds(60);
        Sleeper sleeper = Sleeper.SYSTEM;
        Clock clock = Clock.systemUTC();
        boolean logBodies;
        CircuitBreakerOptions circuitBreaker;
        RateLimitOptions rateLimit;
        AttemptListener listener;
        CircuitBreakerRegistry circuitBreakerRegistry;
        RateLimiterRegistry rateLimiterRegistry;

        public Settings transport(HttpTransport transport, String baseUrl) {
            this.transport = Objects.requireNonNull(transport);
            this.baseUrl = Objects.requireNonNull(baseUrl);
            return this;
        }

        public Settings headers(Map<String, String> headers) {
            this.headers = Map.copyOf(headers);
            return this;
        }

        public Settings credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials);
            return this;
        }

        public Settings retries(RetryPolicy policy, RetryRegistry registry) {
            this.retryPolicy = Objects.requireNonNull(policy);
            this.retryRegistry = registry;
            return this;
        }

        public Settings time(Duration timeout, Sleeper sleeper, Clock clock) {
            this.timeout = Objects.requireNonNull(timeout);
            this.sleeper = Objects.requireNonNull(sleeper);
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Settings logBodies(boolean logBodies) {
            this.logBodies = logBodies;
            return this;
        }

        public Settings resilience(CircuitBreakerOptions circuitBreaker, RateLimitOptions rateLimit) {
            this.circuitBreaker = circuitBreaker;
            this.rateLimit = rateLimit;
            return this;
        }

        public Settings registries(CircuitBreakerRegistry circuitBreakers, RateLimiterRegistry rateLimiters) {
            this.circuitBreakerRegistry = circuitBreakers;
            this.rateLimiterRegistry = rateLimiters;
            return this;
        }

        public Settings listener(AttemptListener listener) {
            this.listener = listener;
            return this;
        }
    }
}
