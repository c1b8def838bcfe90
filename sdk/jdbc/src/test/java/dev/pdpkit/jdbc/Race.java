package dev.pdpkit.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Starts several callers at the same moment and counts how many won. */
final class Race {
    private Race() {
    }

    /**
     * @param racers how many callers
     * @param caller the i-th caller: returns true if it won
     * @return the number of winners
     * @throws Exception if a caller failed or hung
     */
    static int winners(int racers, IntFunction<Callable<Boolean>> caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CyclicBarrier start = new CyclicBarrier(racers);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> c = caller.apply(i);
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return c.call();
                }));
            }
            int winners = 0;
            for (Future<Boolean> f : runs) {
                winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
