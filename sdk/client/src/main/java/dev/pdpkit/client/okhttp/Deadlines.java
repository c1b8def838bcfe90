package dev.pdpkit.client.okhttp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.WeakReference;
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
 *
 * <p>A blocking call is watched through its thread's own slot, one volatile write to start and one to stop, so that
 * 64 threads calling at once share nothing; calls sent asynchronously, which end on another thread, go into a
 * concurrent set. The watchdog reads both.
 */
final class Deadlines {
    static final long TICK_MILLIS = 100;
    /** How long the thread stays without calls in flight before it ends (a later call starts a new one). */
    private static final long IDLE_MILLIS = 5_000;
    static final Deadlines SHARED = new Deadlines();

    private final Set<Entry> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::newSlot);
    private final AtomicBoolean running = new AtomicBoolean();

    /** The blocking call in flight on one thread, if any. */
    private static final class Slot {
        final WeakReference<Thread> thread = new WeakReference<>(Thread.currentThread());
        volatile Entry current;

        /** @return whether the slot can go: its thread ended and left nothing in flight */
        boolean abandoned() {
            Thread t = thread.get();
            return (t == null || !t.isAlive()) && current == null;
        }
    }

    /** One watched call, or {@link #UNWATCHED} for a call OkHttp's own call timeout governs. */
    static final class Entry {
        private final Deadlines owner;
        private final Slot slot;
        final Call call;
        final long deadlineNanos;
        volatile boolean fired;

        private Entry(Deadlines owner, Slot slot, Call call, long deadlineNanos) {
            this.owner = owner;
            this.slot = slot;
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
            if (slot != null) {
                slot.current = null;
            } else if (owner != null) {
                owner.inFlight.remove(this);
            }
        }
    }

    /** The entry of a call nobody watches here: it never fires, and {@link Entry#done()} does nothing. */
    static final Entry UNWATCHED = new Entry(null, null, null, 0);

    /**
     * Starts watching a call that another thread will end (an asynchronous call).
     *
     * @param call the call, not yet enqueued
     * @param budgetNanos how long it may take in all
     * @return its entry, whose {@link Entry#done()} is called when the call ends, on any thread
     */
    Entry watch(Call call, long budgetNanos) {
        Entry e = new Entry(this, null, call, System.nanoTime() + budgetNanos);
        inFlight.add(e);
        ensureRunning();
        return e;
    }

    /**
     * Starts watching a call that this thread executes and ends before it watches another.
     *
     * @param call the call, not yet executed
     * @param budgetNanos how long it may take in all
     * @return its entry, whose {@link Entry#done()} this thread calls when the call ends
     */
    Entry watchHere(Call call, long budgetNanos) {
        Slot mine = slot.get();
        Entry e = new Entry(this, mine, call, System.nanoTime() + budgetNanos);
        mine.current = e;
        ensureRunning();
        return e;
    }

    /** @return how many calls are being watched now */
    int watching() {
        int n = inFlight.size();
        for (Slot s : slots) {
            n += s.current == null ? 0 : 1;
        }
        return n;
    }

    /**
     * @param thread a thread
     * @return whether a slot of that thread is still kept
     */
    boolean holds(Thread thread) {
        for (Slot s : slots) {
            if (s.thread.get() == thread) {
                return true;
            }
        }
        return false;
    }

    private Slot newSlot() {
        Slot s = new Slot();
        slots.add(s);
        return s;
    }

    private void ensureRunning() {
        if (!running.get() && running.compareAndSet(false, true)) {
            start();
        }
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
            boolean blockingInFlight = false;
            for (Slot s : slots) {
                Entry e = s.current;
                if (e != null) {
                    blockingInFlight = true;
                    if (now - e.deadlineNanos >= 0 && !e.fired) {
                        // The thread may have moved on to its next call meanwhile; cancelling a finished call is
                        // harmless, and the next call has its own entry.
                        e.fired = true;
                        e.call.cancel();
                    }
                } else if (s.abandoned()) {
                    slots.remove(s);
                }
            }
            if (!inFlight.isEmpty() || blockingInFlight) {
                idleSince = now;
            } else if (now - idleSince > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                running.set(false);
                // A call registered after the check above found no thread running: this thread carries on for it.
                if (watching() == 0 || !running.compareAndSet(false, true)) {
                    return;
                }
                idleSince = now;
            }
        }
    }
}
