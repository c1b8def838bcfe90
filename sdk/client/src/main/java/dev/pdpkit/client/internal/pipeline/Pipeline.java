package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.internal.http.Transport;
import dev.pdpkit.client.resilience.CircuitBreakerOptions;
import dev.pdpkit.client.resilience.RateLimitOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Assembles the request pipeline, outermost first: retry → circuit breaker (optional) → rate limiter (optional) →
 * credentials → logging → HTTP.
 *
 * <p>Why this order: the retry stage is outermost so that every attempt passes through everything below it (a fresh
 * credential, a log line, a breaker record, a permit). The breaker is inside the retry so it judges attempts and so
 * that its refusal ({@code CircuitOpenException}, never retried) ends the call at once instead of being waited out by
 * back-offs. The limiter is inside the breaker so a refused attempt takes no permit, and outside the credentials so a
 * token is fetched only after the wait for a permit (it cannot expire while waiting). Logging is next to HTTP so it
 * shows exactly what was sent, attempt by attempt.
 */
public final class Pipeline {
    private Pipeline() {
    }

    /**
     * @param http OkHttp client (its retries and redirects must already be off)
     * @param baseUrl API base ending in {@code /}
     * @param headers default headers (User-Agent, custom)
     * @param credentials the bearer token source
     * @param retryPolicy retry counts and back-off
     * @param timeout default time budget of a whole call
     * @param sleeper waits between attempts
     * @param clock measures budgets and {@code Retry-After} dates
     * @param logBodies whether DEBUG logging includes masked bodies
     * @return the transport
     */
    public static Transport create(OkHttpClient http, HttpUrl baseUrl, Map<String, String> headers,
                                   Credentials credentials, RetryPolicy retryPolicy, Duration timeout,
                                   Sleeper sleeper, Clock clock, boolean logBodies) {
        return create(http, baseUrl, headers, credentials, retryPolicy, timeout, sleeper, clock, logBodies, null,
                null);
    }

    /**
     * Like {@link #create(OkHttpClient, HttpUrl, Map, Credentials, RetryPolicy, Duration, Sleeper, Clock, boolean)}
     * with the optional circuit breaker and rate limiter.
     *
     * @param http OkHttp client (its retries and redirects must already be off)
     * @param baseUrl API base ending in {@code /}
     * @param headers default headers (User-Agent, custom)
     * @param credentials the bearer token source
     * @param retryPolicy retry counts and back-off
     * @param timeout default time budget of a whole call
     * @param sleeper waits between attempts and for rate-limit permits
     * @param clock measures budgets, {@code Retry-After} dates and the breaker's open state
     * @param logBodies whether DEBUG logging includes masked bodies
     * @param circuitBreaker the breaker's settings, or null for none
     * @param rateLimit the limiter's settings, or null for none
     * @return the transport
     */
    public static Transport create(OkHttpClient http, HttpUrl baseUrl, Map<String, String> headers,
                                   Credentials credentials, RetryPolicy retryPolicy, Duration timeout,
                                   Sleeper sleeper, Clock clock, boolean logBodies,
                                   CircuitBreakerOptions circuitBreaker, RateLimitOptions rateLimit) {
        Stage httpStage = new OkHttpStage(http, baseUrl, headers, clock);
        Stage perAttempt = new AuthStage(credentials, new LoggingStage(httpStage, logBodies));
        if (rateLimit != null) {
            perAttempt = new RateLimiterStage(rateLimit, sleeper, perAttempt);
        }
        if (circuitBreaker != null) {
            perAttempt = new CircuitBreakerStage(circuitBreaker, clock, perAttempt);
        }
        return new RetryStage(perAttempt, retryPolicy, timeout, sleeper, clock);
    }

    /**
     * Derives the OkHttp client the SDK uses from the application's: same pools, but no OkHttp retries or redirects.
     *
     * @param base the application's or the SDK's own client
     * @param connect connect timeout per attempt
     * @param read read timeout per attempt
     * @param write write timeout per attempt
     * @return the derived client
     */
    public static OkHttpClient derive(OkHttpClient base, Duration connect, Duration read, Duration write) {
        return base.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connect)
                .readTimeout(read)
                .writeTimeout(write)
                .build();
    }
}
