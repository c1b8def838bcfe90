package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.http.AttemptEvent;
import dev.pdpkit.client.http.AttemptListener;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.internal.http.Transport;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;

/**
 * The outermost stage and the only owner of retries (the transport never retries). For each call it takes a
 * Resilience4j {@link Retry} context, asks it after each failure whether and when to try again, and waits through
 * the client's {@link Sleeper}; the call's time budget bounds the whole, and each attempt gets a share of what is left
 * so that a stalled attempt leaves room for another.
 */
public final class RetryStage implements Transport {
    private final Stage next;
    private final Retries retries;
    private final Duration defaultTimeout;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AttemptListener listener;

    RetryStage(Stage next, Retries retries, Duration defaultTimeout, Sleeper sleeper, Clock clock,
               AttemptListener listener) {
        this.next = next;
        this.retries = retries;
        this.defaultTimeout = defaultTimeout;
        this.sleeper = sleeper;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public HttpResponse send(ApiRequest request, RequestOptions options) {
        CallState call = new CallState(request, options);
        while (true) {
            Attempt attempt = call.nextAttempt();
            long start = System.nanoTime();
            try {
                HttpResponse exchange = next.send(attempt);
                call.context.onComplete();
                call.report(attempt, exchange.statusCode(), null, start, AttemptEvent.Outcome.SUCCEEDED);
                return exchange;
            } catch (RuntimeException e) {
                PrismaException failure = Stages.typed(e, request);
                if (call.deleteAlreadyDone(failure)) {
                    call.context.onComplete();
                    call.report(attempt, 404, null, start, AttemptEvent.Outcome.SUCCEEDED);
                    return HttpResponse.of(204, HttpHeaders.empty(), new byte[0]);
                }
                Duration wait = call.retryWait(failure);
                call.report(attempt, statusOf(failure), failure, start,
                        wait == null ? AttemptEvent.Outcome.FAILED : AttemptEvent.Outcome.RETRYING);
                if (wait == null) {
                    throw failure;
                }
                sleep(wait, failure);
            }
        }
    }

    private void sleep(Duration wait, PrismaException last) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            PrismaException interrupted = new PrismaException("interrupted while waiting to retry", e);
            interrupted.addSuppressed(last);
            throw interrupted;
        }
    }

    /** @return {@code now + budget} in milliseconds, saturated: a budget of centuries means no deadline in practice */
    static long deadline(long nowMillis, Duration budget) {
        long cap = Long.MAX_VALUE / 4;
        return budget.compareTo(Duration.ofMillis(cap)) >= 0 ? nowMillis + cap : nowMillis + budget.toMillis();
    }

    static int statusOf(PrismaException e) {
        return e instanceof PrismaApiException ? ((PrismaApiException) e).statusCode() : 0;
    }

    /** What one call carries from attempt to attempt. Shared with the asynchronous path. */
    final class CallState {
        final ApiRequest request;
        final RequestOptions options;
        /** The call's deadline in the client clock's epoch milliseconds. */
        final long deadlineMillis;
        final boolean repeatable;
        final int maxAttempts;
        final Retry.AsyncContext<Object> context;
        private int attempts;
        private boolean mayHaveActed;

        CallState(ApiRequest request, RequestOptions options) {
            this.request = request;
            this.options = options;
            this.deadlineMillis = deadline(clock.millis(), options.timeout().orElse(defaultTimeout));
            this.repeatable = RetryRules.repeatable(request, options.retryNonIdempotent().orElse(false));
            Retry retry = retries.forCall(repeatable, options.maxRetries().orElse(null));
            this.maxAttempts = retry.getRetryConfig().getMaxAttempts();
            this.context = retry.asyncContext();
        }

        Attempt nextAttempt() {
            attempts++;
            long remaining = deadlineMillis - clock.millis();
            // A request that may be tried again gets half of what is left, so that one stalled attempt cannot eat
            // the whole budget; the last possible attempt gets all of it.
            Duration timeout = Duration.ofMillis(repeatable && attempts < maxAttempts ? remaining / 2 : remaining);
            return new Attempt(request, options, attempts, deadlineMillis, clock, timeout);
        }

        /**
         * A DELETE retried after an attempt the server may have carried out, answered 404: the first attempt did the
         * work and its answer was lost. Counted as deleted.
         */
        boolean deleteAlreadyDone(PrismaException failure) {
            boolean done = attempts > 1 && mayHaveActed && "DELETE".equals(request.method())
                    && failure instanceof NotFoundException;
            mayHaveActed |= RetryRules.mayHaveActed(failure);
            return done;
        }

        /** @return how long to wait before the next attempt, or null when the call ends with this failure */
        Duration retryWait(PrismaException failure) {
            long millis = context.onError(failure);
            if (millis < 0) {
                return null;
            }
            Duration wait = Duration.ofMillis(millis);
            if (Retries.retryAfter(failure).isPresent()
                    && wait.compareTo(retries.policy().maxRetryAfter()) > 0) {
                return null; // the server asked for longer than the client may wait
            }
            return millis >= deadlineMillis - clock.millis() ? null : wait;
        }

        void report(Attempt attempt, int status, PrismaException failure, long startNanos,
                    AttemptEvent.Outcome outcome) {
            if (listener == null) {
                return;
            }
            AttemptEvent event = new AttemptEvent(request.operationId(), attempt.number(), request.method(),
                    request.pathTemplate(), status, failure, Duration.ofNanos(System.nanoTime() - startNanos),
                    outcome);
            Stages.notify(listener, event);
        }
    }

    CallState newCall(ApiRequest request, RequestOptions options) {
        return new CallState(request, options);
    }

    Stage next() {
        return next;
    }
}
