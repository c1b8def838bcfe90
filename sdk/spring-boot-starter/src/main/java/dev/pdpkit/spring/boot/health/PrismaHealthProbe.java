package dev.pdpkit.spring.boot.health;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks the API with one cheap call ({@code GET /v1/me}, no retries) at most once per TTL, on a background thread.
 * A health request waits for a running check only up to its timeout and then answers with the last known result, or
 * UNKNOWN: a slow API never makes the indicator hang or report DOWN. Rejected credentials and an unreachable or
 * failing API are DOWN. Thread-safe; Boot 4 and Boot 3 indicators both adapt it.
 */
public final class PrismaHealthProbe implements AutoCloseable {
    /** The states the indicators map to Boot's {@code Status}. */
    public enum State {
        /** The API answered. */
        UP,
        /** The credentials were rejected, or the API failed or could not be reached. */
        DOWN,
        /** No answer yet. */
        UNKNOWN
    }

    /**
     * A check's outcome.
     *
     * @param state the state
     * @param details what the indicator shows (never a secret)
     * @param checkedAt when the API answered, or null when it has not yet
     */
    public record Result(State state, Map<String, Object> details, Instant checkedAt) {
    }

    private final PrismaManagement client;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pdpkit-health");
        t.setDaemon(true);
        return t;
    });
    private Result last;
    private CompletableFuture<Result> running;

    /**
     * @param client the client to check
     * @param ttl how long a result is reused
     * @param timeout how long a health request waits for a running check
     * @param clock decides freshness
     */
    public PrismaHealthProbe(PrismaManagement client, Duration ttl, Duration timeout, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @return a fresh-enough result; never throws and never waits longer than the timeout */
    public Result check() {
        CompletableFuture<Result> future;
        Result known;
        synchronized (this) {
            if (last != null && last.checkedAt() != null && clock.instant().isBefore(last.checkedAt().plus(ttl))) {
                return last;
            }
            if (running == null) {
                running = CompletableFuture.supplyAsync(this::callApi, executor);
                running.whenComplete((r, e) -> finished(r));
            }
            future = running;
            known = last;
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return slow(known);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return slow(known);
        } catch (ExecutionException e) {
            return result(State.DOWN, "error", e.getCause().getClass().getSimpleName());
        }
    }

    private synchronized void finished(Result r) {
        if (r != null) {
            last = r;
        }
        running = null;
    }

    private Result slow(Result known) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", client.baseUrl());
        details.put("message", "no answer within " + timeout.toMillis() + " ms; last known state shown");
        if (known == null) {
            return new Result(State.UNKNOWN, details, null);
        }
        details.putAll(known.details());
        details.put("checkedAt", known.checkedAt().toString());
        return new Result(known.state(), details, known.checkedAt());
    }

    private Result callApi() {
        try {
            client.me().get(RequestOptions.builder().maxRetries(0).build());
            return result(State.UP, null, null);
        } catch (UnauthorizedException | PermissionDeniedException e) {
            return result(State.DOWN, "error", "credentials rejected (HTTP " + e.statusCode() + ")");
        } catch (PrismaApiException e) {
            return result(State.DOWN, "error", "HTTP " + e.statusCode());
        } catch (RuntimeException e) {
            return result(State.DOWN, "error", e.getClass().getSimpleName());
        }
    }

    private Result result(State state, String key, String value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", client.baseUrl());
        if (key != null) {
            details.put(key, value);
        }
        return new Result(state, details, clock.instant());
    }

    /** Stops the background thread. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
