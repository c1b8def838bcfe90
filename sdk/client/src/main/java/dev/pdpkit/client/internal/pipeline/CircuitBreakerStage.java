package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.resilience.CircuitBreakerOptions;
import dev.pdpkit.client.resilience.CircuitOpenException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
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
    private final Clock clock;
    private volatile Instant openedAt;

    /**
     * @param options the breaker's settings
     * @param clock the client's clock (open-state duration)
     * @param next the rest of the per-attempt pipeline
     */
    public CircuitBreakerStage(CircuitBreakerOptions options, Clock clock, Stage next) {
        this(options, clock, null, next);
    }

    /**
     * @param options the breaker's settings
     * @param clock the client's clock (open-state duration)
     * @param registry the application's registry to create the breaker in ({@code pdpkit}), or null
     * @param next the rest of the per-attempt pipeline
     */
    public CircuitBreakerStage(CircuitBreakerOptions options, Clock clock, CircuitBreakerRegistry registry,
                               Stage next) {
        this.options = options;
        this.next = next;
        this.clock = clock;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(options.slidingWindowSize(), options.minimumNumberOfCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(options.failureRateThreshold())
                // The open state is timed by the client's clock below, so the breaker's own timer never fires first.
                .waitDurationInOpenState(Duration.ofDays(365))
                .permittedNumberOfCallsInHalfOpenState(options.permittedCallsInHalfOpenState())
                .recordException(CircuitBreakerStage::isFailure)
                .writableStackTraceEnabled(false)
                .build();
        this.breaker = registry == null ? CircuitBreaker.of("pdpkit", config)
                : registry.circuitBreaker("pdpkit", config);
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
        });
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
    public HttpResponse send(Attempt attempt) {
        Instant opened = openedAt;
        if (breaker.getState() == CircuitBreaker.State.OPEN && opened != null
                && !clock.instant().isBefore(opened.plus(options.waitInOpenState()))) {
            breaker.transitionToHalfOpenState();
        }
        if (!breaker.tryAcquirePermission()) {
            ApiRequest req = attempt.request();
            LoggingStage.LOG.debug("<-- refused {} {} attempt={} op={}: circuit breaker open", req.method(),
                    req.pathTemplate(), attempt.number(), req.operationId());
            throw new CircuitOpenException("circuit breaker open after repeated failures; " + req.method() + " "
                    + req.pathTemplate() + " was not sent", options.waitInOpenState());
        }
        long start = System.nanoTime();
        try {
            HttpResponse exchange = next.send(attempt);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return exchange;
        } catch (RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }
}
