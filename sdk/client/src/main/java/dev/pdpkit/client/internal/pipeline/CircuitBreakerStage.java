package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.HttpExchange;
import dev.pdpkit.client.resilience.CircuitBreakerOptions;
import dev.pdpkit.client.resilience.CircuitOpenException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The optional circuit breaker, inside the retry stage: it records every attempt and refuses attempts while open with
 * {@link CircuitOpenException}, which the retry stage does not retry. Failures are connection failures, timeouts, 408
 * and 5xx; any other outcome (2xx, other 4xx) is a success. Open-state timing follows the client's clock.
 */
public final class CircuitBreakerStage implements Stage {
    private final CircuitBreaker breaker;
    private final CircuitBreakerOptions options;
    private final Stage next;

    /**
     * @param options the breaker's settings
     * @param clock the client's clock (open-state duration)
     * @param next the rest of the per-attempt pipeline
     */
    public CircuitBreakerStage(CircuitBreakerOptions options, Clock clock, Stage next) {
        this.options = options;
        this.next = next;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(options.slidingWindowSize(), options.minimumNumberOfCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(options.failureRateThreshold())
                .waitDurationInOpenState(options.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(options.permittedCallsInHalfOpenState())
                .recordException(CircuitBreakerStage::isFailure)
                .writableStackTraceEnabled(false)
                .build();
        this.breaker = new CircuitBreakerStateMachine("pdpkit", config, clock);
    }

    static boolean isFailure(Throwable t) {
        if (t instanceof PrismaNetworkException) {
            return true;
        }
        if (t instanceof PrismaApiException) {
            int status = ((PrismaApiException) t).statusCode();
            return status == 408 || status >= 500;
        }
        return false;
    }

    /** @return the breaker's state name ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...) */
    public String state() {
        return breaker.getState().name();
    }

    @Override
    public HttpExchange send(Attempt attempt) {
        if (!breaker.tryAcquirePermission()) {
            ApiRequest req = attempt.request();
            LoggingStage.LOG.debug("<-- refused {} {} attempt={} op={}: circuit breaker open", req.method(),
                    req.pathTemplate(), attempt.number(), req.operationId());
            throw new CircuitOpenException("circuit breaker open after repeated failures; " + req.method() + " "
                    + req.pathTemplate() + " was not sent", options.waitInOpenState());
        }
        long start = System.nanoTime();
        try {
            HttpExchange exchange = next.send(attempt);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return exchange;
        } catch (RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }
}
