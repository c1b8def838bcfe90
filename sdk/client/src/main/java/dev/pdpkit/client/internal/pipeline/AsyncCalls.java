package dev.pdpkit.client.internal.pipeline;

import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.http.AttemptEvent;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The non-blocking path: the same retries, rules, listener and status mapping as {@link RetryStage}, with the
 * back-off scheduled instead of slept and the HTTP exchange left to {@code HttpTransport.sendAsync}. Credentials that
 * may block (an OAuth refresh takes a lock and calls the authorization server) run on a small pool of the client's
 * own, never on the transport's threads. A client with a circuit breaker or a rate limiter runs its per-attempt stages
 * on that pool too, since their waits block.
 */
public final class AsyncCalls {
    private final RetryStage retry;
    private final Credentials credentials;
    private final BearerHeader bearer;
    private final HttpStage http;
    private final boolean direct;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService blocking;

    AsyncCalls(RetryStage retry, Credentials credentials, BearerHeader bearer, HttpStage http, boolean direct) {
        this.retry = retry;
        this.credentials = credentials;
        this.bearer = bearer;
        this.http = http;
        this.direct = direct;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("pdpkit-retry"));
        this.blocking = Executors.newCachedThreadPool(daemon("pdpkit-async"));
    }

    /**
     * Sends a call. Cancelling the returned future stops its retries and cancels the exchange in flight.
     *
     * @param request the request
     * @param options per-call options
     * @return the future successful exchange, or a {@link PrismaException}
     */
    public CompletableFuture<HttpResponse> send(ApiRequest request, RequestOptions options) {
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        RetryStage.CallState call = retry.newCall(request, options);
        attempt(call, result);
        return result;
    }

    private void attempt(RetryStage.CallState call, CompletableFuture<HttpResponse> result) {
        if (result.isDone()) {
            return;
        }
        Attempt attempt = call.nextAttempt();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse> inFlight;
        try {
            inFlight = direct ? sendDirect(attempt) : CompletableFuture.supplyAsync(() -> retry.next().send(attempt),
                    blocking);
        } catch (RuntimeException e) {
            inFlight = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse> current = inFlight;
        result.whenComplete((r, t) -> {
            if (result.isCancelled()) {
                current.cancel(true);
            }
        });
        inFlight.whenComplete((exchange, t) -> {
            if (t == null) {
                call.context.onComplete();
                call.report(attempt, exchange.statusCode(), null, start, AttemptEvent.Outcome.SUCCEEDED);
                result.complete(exchange);
                return;
            }
            PrismaException failure = Stages.typed(t, call.request);
            if (call.deleteAlreadyDone(failure)) {
                call.context.onComplete();
                call.report(attempt, 404, null, start, AttemptEvent.Outcome.SUCCEEDED);
                result.complete(HttpResponse.of(204, HttpHeaders.empty(), new byte[0]));
                return;
            }
            Duration wait = result.isDone() ? null : call.retryWait(failure);
            call.report(attempt, RetryStage.statusOf(failure), failure, start,
                    wait == null ? AttemptEvent.Outcome.FAILED : AttemptEvent.Outcome.RETRYING);
            if (wait == null) {
                result.completeExceptionally(failure);
            } else {
                scheduler.schedule(() -> attempt(call, result), wait.toNanos(), TimeUnit.NANOSECONDS);
            }
        });
    }

    /**
     * Credentials, then the transport's own asynchronous send; one refresh and repeat after a 401, as in sync. A
     * token that is at hand is taken on the calling thread; one that may block is fetched on the client's pool.
     */
    private CompletableFuture<HttpResponse> sendDirect(Attempt attempt) {
        if (credentials.mayBlock()) {
            return CompletableFuture.supplyAsync(() -> AuthStage.token(credentials, attempt), blocking)
                    .thenCompose(token -> exchangeOrRefresh(attempt, token));
        }
        return exchangeOrRefresh(attempt, AuthStage.token(credentials, attempt));
    }

    private CompletableFuture<HttpResponse> exchangeOrRefresh(Attempt attempt, String token) {
        return exchange(attempt, token).exceptionallyCompose(t -> {
            PrismaException failure = Stages.typed(t, attempt.request());
            if (!(failure instanceof UnauthorizedException)
                    || AuthStage.rejectsAnotherCredential(attempt.request(), (UnauthorizedException) failure)) {
                return CompletableFuture.failedFuture(failure);
            }
            return CompletableFuture.supplyAsync(() -> {
                if (!credentials.refreshAfterUnauthorized(token, attempt.remaining())) {
                    throw failure;
                }
                return AuthStage.token(credentials, attempt);
            }, blocking).thenCompose(fresh -> exchange(attempt, fresh));
        });
    }

    private CompletableFuture<HttpResponse> exchange(Attempt attempt, String token) {
        attempt.authorization(bearer.of(token));
        return http.transport().sendAsync(http.request(attempt)).thenApply(http::checkStatus);
    }

    void close() {
        scheduler.shutdownNow();
        blocking.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
