package dev.pdpkit.transport.vertx.internal;

import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ends attempts that outlive their budget. A budget of a few seconds or more is watched by one periodic sweep every
 * {@value #TICK_MILLIS} ms, since being a tenth of a second late on it does not matter and registering costs only a
 * concurrent set's add and remove; a shorter budget gets an exact timer of its own, as a tick late would be a large
 * share of it.
 */
final class Deadlines {
    static final long TICK_MILLIS = 100;
    /** Budgets under this get a timer of their own. */
    static final long EXACT_BELOW_MILLIS = 2_000;

    private final Vertx vertx;
    private final Set<Exchange> watched = ConcurrentHashMap.newKeySet();
    private final long sweeper;

    Deadlines(Vertx vertx) {
        this.vertx = vertx;
        this.sweeper = vertx.setPeriodic(TICK_MILLIS, id -> sweep());
    }

    /**
     * Starts watching an attempt.
     *
     * @param exchange the attempt
     * @param budgetMillis its budget
     * @return the id of its own timer, or -1 when the sweep watches it
     */
    long watch(Exchange exchange, long budgetMillis) {
        if (budgetMillis < EXACT_BELOW_MILLIS) {
            return vertx.setTimer(Math.max(1, budgetMillis), id -> exchange.onTimeout());
        }
        watched.add(exchange);
        return -1;
    }

    /** Stops watching an attempt, however it ended. */
    void done(Exchange exchange, long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        } else {
            watched.remove(exchange);
        }
    }

    private void sweep() {
        if (watched.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Exchange e : watched) {
            if (now - e.deadlineNanos() >= 0) {
                watched.remove(e);
                e.onTimeout();
            }
        }
    }

    /** Stops the sweep. */
    void close() {
        vertx.cancelTimer(sweeper);
    }

    static long deadline(long budgetMillis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    }
}
