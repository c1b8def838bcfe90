package dev.pdpkit.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The loopback throughput harness: SDK and floor against one canned server, in alternating order over several rounds
 * so that drift on a busy machine hits both alike; 1 and 64 blocking callers, and the async forms with 64 calls in
 * flight on a dispatcher of 8 threads.
 */
final class LoopbackRun {
    static final int CALLERS = 64;
    static final long CALLS = 20_000;
    static final long SINGLE_CALLS = 10_000;
    static final int ASYNC_THREADS = 8;
    /**
     * Rounds run before measuring. The SDK has more code than the floor for the JIT to compile; with a single warm-up
     * round the first measured rounds still paid for its compilation, which is start-up cost, not per-call cost.
     */
    static final int WARMUP_ROUNDS = 3;

    private LoopbackRun() {
    }

    /**
     * @param rounds measured rounds after the warm-up
     * @return every measurement, keyed {@code sdk/1}, {@code sdk/64}, {@code sdk/async}, {@code floor/...}; no
     *         {@code sdk/async} while the SDK has no async API
     * @throws Exception if the server cannot start or a run is interrupted
     */
    static Map<String, List<Measurement>> run(int rounds) throws Exception {
        Map<String, List<Measurement>> out = new LinkedHashMap<>();
        ExecutorService floorThreads = Executors.newFixedThreadPool(ASYNC_THREADS);
        ExecutorService sdkThreads = Executors.newFixedThreadPool(ASYNC_THREADS);
        try (ServerProcess server = ServerProcess.start();
             Harness harness = new Harness(server, CALLERS);
             Sdk sdk = Sdk.connect(server.baseUrl());
             Floor floor = Floor.connect(server.baseUrl());
             Floor floorAsync = Floor.connect(server.baseUrl()).with(asyncHttp(floorThreads));
             Sdk sdkAsync = Sdk.connect(server.baseUrl(), asyncHttp(sdkThreads))) {
            Map<String, Target> targets = new LinkedHashMap<>();
            targets.put("floor", new Target(floor::get, id -> floorAsync.getAsync()));
            targets.put("sdk", new Target(sdk::get, sdkAsync.asyncGet().orElse(null)));
            for (int round = 0; round < WARMUP_ROUNDS; round++) { // JIT, connection pools, server threads
                for (Target t : targets.values()) {
                    harness.blocking(t.blocking, CALLERS, CALLS);
                    harness.blocking(t.blocking, 1, SINGLE_CALLS);
                    if (t.async != null) {
                        harness.async(t.async, CALLERS, CALLS);
                    }
                }
            }
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(targets.keySet());
                if (round % 2 == 1) {
                    order = List.of(order.get(1), order.get(0));
                }
                for (String name : order) {
                    Target t = targets.get(name);
                    add(out, name + "/1", harness.blocking(t.blocking, 1, SINGLE_CALLS));
                    add(out, name + "/64", harness.blocking(t.blocking, CALLERS, CALLS));
                    if (t.async != null) {
                        add(out, name + "/async", harness.async(t.async, CALLERS, CALLS));
                    }
                }
            }
        } finally {
            floorThreads.shutdownNow();
            sdkThreads.shutdownNow();
        }
        return out;
    }

    /** An OkHttp client with the SDK's settings whose asynchronous calls run on {@code threads} only. */
    private static OkHttpClient asyncHttp(ExecutorService threads) {
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(CALLERS);
        dispatcher.setMaxRequestsPerHost(CALLERS);
        return Floor.sdkLike(new OkHttpClient.Builder()).dispatcher(dispatcher).build();
    }

    private static void add(Map<String, List<Measurement>> out, String key, Measurement m) {
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
    }

    private record Target(LongSupplier blocking, Function<String, ? extends CompletableFuture<?>> async) {
    }
}
