package dev.pdpkit.client.waiters;

import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.internal.Futures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One wait of {@link Waiter#awaitAsync}: a poll, and when it is neither success nor failure, the next poll scheduled
 * after the interval. No thread is held between polls; polls run one after another, never overlapping.
 */
final class AsyncWait<T> {
    private final Waiter<T> waiter;
    private final WaitOptions options;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Instant start;
    private final Instant deadline;
    private Duration interval;
    private int attempt;
    private volatile CompletableFuture<T> inFlight;

    AsyncWait(Waiter<T> waiter, WaitOptions options) {
        this.waiter = waiter;
        this.options = options;
        this.start = waiter.clock().instant();
        this.deadline = start.plus(options.timeout());
        this.interval = options.initialInterval();
    }

    CompletableFuture<T> start() {
        result.whenComplete((value, failure) -> {
            CompletableFuture<T> polling = inFlight;
            if (result.isCancelled() && polling != null) {
                polling.cancel(true);
            }
        });
        poll();
        return result;
    }

    private void poll() {
        if (result.isDone()) {
            return;
        }
        attempt++;
        CompletableFuture<T> next;
        try {
            next = waiter.fetchAsync().get();
            if (next == null) {
                throw new PrismaException("fetchAsync returned no future");
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        inFlight = next;
        next.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Futures.unwrap(failure));
                return;
            }
            try {
                Duration remaining = waiter.check(value, attempt, start, deadline, options);
                if (remaining == null) {
                    result.complete(value);
                    return;
                }
                Duration pause = interval.compareTo(remaining) < 0 ? interval : remaining;
                interval = Waiter.next(interval, options);
                CompletableFuture.delayedExecutor(pause.toNanos(), TimeUnit.NANOSECONDS).execute(this::poll);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    /** @return the value of a completed future, throwing what it failed with rather than a wrapper */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new PrismaException("the poll failed", cause);
        }
    }
}
