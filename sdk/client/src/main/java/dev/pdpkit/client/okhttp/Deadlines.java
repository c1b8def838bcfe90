package dev.pdpkit.client.okhttp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Ends calls whose whole attempt outlives its budget, for attempts whose budget is at least as long as the socket
 * timeouts. Such an attempt cannot stall on one read or write past the budget (the kernel ends that), only trickle;
 * catching a trickle a fraction of a second late is fine, so one thread looks at the calls in flight every
 * {@link #TICK_MILLIS} ms and cancels the overdue ones.
 *
 * <p>Why not OkHttp's call timeout: Okio keeps every scheduled timeout in one queue behind one lock, which every socket
 * read and write of every call also takes; a second entry per call made that lock the busiest point of the client at
 * 64 concurrent callers. Registering here touches only a concurrent set. Attempts with shorter budgets keep OkHttp's
 * precise call timeout.
 */
final class Deadlines {
    static final long TICK_MILLIS = 100;
    /** How long the thread stays without calls in flight before it ends (a later call starts a new one). */
    private static final long IDLE_MILLIS = 5_000;
    static final Deadlines SHARED = new Deadlines();

    private final Set<Entry> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();

    /** One watched call, or {@link #UNWATCHED} for a call OkHttp's own call timeout governs. */
    static final class Entry {
        private final Deadlines owner;
        final Call call;
        final long deadlineNanos;
        volatile boolean fired;

        private Entry(Deadlines owner, Call call, long deadlineNanos) {
            this.owner = owner;
            this.call = call;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * @param e what the call failed with
         * @return a timeout in OkHttp's own form when this deadline cancelled the call, else {@code e}
         */
        IOException explain(IOException e) {
            if (!fired) {
                return e;
            }
            InterruptedIOException timeout = new InterruptedIOException("timeout");
            timeout.initCause(e);
            return timeout;
        }

        /** Stops watching: the call ended, however it ended. */
        void done() {
            if (owner != null) {
                owner.inFlight.remove(this);
            }
        }
    }

    /** The entry of a call nobody watches here: it never fires, and {@link Entry#done()} does nothing. */
    static final Entry UNWATCHED = new Entry(null, null, 0);

    /**
     * Starts watching a call.
     *
     * @param call the call, not yet executed
     * @param budgetNanos how long it may take in all
     * @return its entry, whose {@link Entry#done()} the caller calls when the call ends
     */
    Entry watch(Call call, long budgetNanos) {
        Entry e = new Entry(this, call, System.nanoTime() + budgetNanos);
        inFlight.add(e);
        if (!running.get() && running.compareAndSet(false, true)) {
            start();
        }
        return e;
    }

    /** @return how many calls are being watched now */
    int watching() {
        return inFlight.size();
    }

    private void start() {
        Thread t = new Thread(this::run, "pdpkit-call-deadlines");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        long idleSince = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            long now = System.nanoTime();
            for (Entry e : inFlight) {
                if (now - e.deadlineNanos >= 0) {
                    e.fired = true;
                    inFlight.remove(e);
                    e.call.cancel();
                }
            }
            if (!inFlight.isEmpty()) {
                idleSince = now;
            } else if (now - idleSince > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                running.set(false);
                // A call registered after the check above found no thread running: this thread carries on for it.
                if (inFlight.isEmpty() || !running.compareAndSet(false, true)) {
                    return;
                }
                idleSince = now;
            }
        }
    }
}
