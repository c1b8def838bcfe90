package dev.pdpkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs a fixed number of calls, blocking from N caller threads or asynchronously with N calls in flight, and measures
 * wall time, this process's CPU time and allocation, the server's accepted connections and the threads that worked.
 */
public final class Harness implements AutoCloseable {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final ServerProcess server;
    private final ExecutorService pool;
    private final int maxCallers;

    /**
     * @param server the server whose accepted connections are counted
     * @param maxCallers the most concurrent blocking callers a run may ask for
     */
    public Harness(ServerProcess server, int maxCallers) {
        this.server = server;
        this.maxCallers = maxCallers;
        this.pool = Executors.newFixedThreadPool(maxCallers, r -> {
            Thread t = new Thread(r, "bench-caller");
            t.setDaemon(true);
            return t;
        });
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    /**
     * Makes {@code calls} calls from {@code callers} threads, each call blocking its thread.
     *
     * @param call one call
     * @param callers concurrent callers, at most the harness's maximum
     * @param calls calls in total
     * @return the run's cost
     * @throws InterruptedException if interrupted while waiting for the callers
     */
    public Measurement blocking(LongSupplier call, int callers, long calls) throws InterruptedException {
        if (callers > maxCallers) {
            throw new IllegalArgumentException("at most " + maxCallers + " callers");
        }
        AtomicLong remaining = new AtomicLong(calls);
        AtomicLong errors = new AtomicLong();
        Snapshot before = Snapshot.take(server);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            running.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    try {
                        call.getAsLong();
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a caller failed", e.getCause());
            }
        }
        return before.until(server, calls, errors.get());
    }

    /**
     * Makes {@code calls} calls with at most {@code inFlight} outstanding at once, from one submitting thread.
     *
     * @param call starts one call for the given project id
     * @param inFlight the most outstanding calls
     * @param calls calls in total
     * @return the run's cost; {@link Measurement#busyThreads()} tells how many threads did the work
     * @throws InterruptedException if interrupted while waiting
     */
    public Measurement async(Function<String, ? extends CompletableFuture<?>> call, int inFlight, long calls)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch((int) calls);
        AtomicLong errors = new AtomicLong();
        Snapshot before = Snapshot.take(server);
        for (long i = 0; i < calls; i++) {
            permits.acquire();
            start(call, errors, () -> {
                permits.release();
                done.countDown();
            });
        }
        done.await();
        return before.until(server, calls, errors.get());
    }

    /**
     * Makes {@code calls} calls as {@code inFlight} chains, each starting its next call from the thread that completed
     * the previous one, as an application on an event loop does: no thread hands a call to another.
     *
     * @param call starts one call for the given project id
     * @param inFlight the number of chains, so of outstanding calls
     * @param calls calls in total
     * @return the run's cost
     * @throws InterruptedException if interrupted while waiting
     */
    public Measurement chained(Function<String, ? extends CompletableFuture<?>> call, int inFlight, long calls)
            throws InterruptedException {
        AtomicLong remaining = new AtomicLong(calls);
        CountDownLatch done = new CountDownLatch((int) calls);
        AtomicLong errors = new AtomicLong();
        Snapshot before = Snapshot.take(server);
        for (int i = 0; i < inFlight; i++) {
            chain(call, remaining, errors, done);
        }
        done.await();
        return before.until(server, calls, errors.get());
    }

    private static void chain(Function<String, ? extends CompletableFuture<?>> call, AtomicLong remaining,
                              AtomicLong errors, CountDownLatch done) {
        if (remaining.getAndDecrement() <= 0) {
            return;
        }
        start(call, errors, () -> {
            done.countDown();
            chain(call, remaining, errors, done);
        });
    }

    /** Starts one call (one that throws counts as failed) and runs {@code then} when it has ended, however. */
    private static void start(Function<String, ? extends CompletableFuture<?>> call, AtomicLong errors,
                              Runnable then) {
        CompletableFuture<?> f;
        try {
            f = call.apply(CannedServer.PROJECT_ID);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((value, failure) -> {
            if (failure != null) {
                errors.incrementAndGet();
            }
            then.run();
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private record Snapshot(long nanos, long cpu, long allocated, long accepts, Map<Long, Long> threadCpu) {
        static Snapshot take(ServerProcess server) {
            long accepts = server.accepts();
            return new Snapshot(System.nanoTime(), OS.getProcessCpuTime(), allocatedBytes(), accepts, threadCpuTimes());
        }

        Measurement until(ServerProcess server, long calls, long errors) {
            long nanosNow = System.nanoTime();
            long cpuNow = OS.getProcessCpuTime();
            long allocatedNow = allocatedBytes();
            long caller = Thread.currentThread().getId();
            // A thread counts when it did at least 1% of the work: JVM and OkHttp housekeeping threads do not.
            long threshold = (cpuNow - cpu) / 100;
            int busy = (int) threadCpuTimes().entrySet().stream()
                    .filter(e -> e.getKey() != caller
                            && e.getValue() - threadCpu.getOrDefault(e.getKey(), 0L) >= threshold)
                    .count();
            return new Measurement(calls, errors, nanosNow - nanos, cpuNow - cpu, allocatedNow - allocated,
                    server.accepts() - accepts, busy);
        }

        /** Bytes allocated by the live threads; a thread that ended during a run takes its count with it. */
        private static long allocatedBytes() {
            long sum = 0;
            for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
                sum += Math.max(0, bytes);
            }
            return sum;
        }

        private static Map<Long, Long> threadCpuTimes() {
            Map<Long, Long> out = new HashMap<>();
            for (long id : THREADS.getAllThreadIds()) {
                out.put(id, THREADS.getThreadCpuTime(id));
            }
            return out;
        }
    }
}
