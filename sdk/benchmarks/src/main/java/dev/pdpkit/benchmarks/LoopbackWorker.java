package dev.pdpkit.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.LongSupplier;
import dev.pdpkit.transport.vertx.VertxTransport;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * One side of the loopback comparison in a JVM of its own, with a canned server of its own: the SDK or the floor.
 * Keeping the two apart means neither pays for the other's JIT compilation, nor runs code the JIT compiled with the
 * other's type profile, as JMH does with a fork per benchmark. The parent sends one command per line
 * ({@code blocking CALLERS CALLS}, {@code async IN_FLIGHT CALLS}, and on the SDK side {@code vertx IN_FLIGHT CALLS}
 * and {@code vertx-chained IN_FLIGHT CALLS}) and reads back one {@link Measurement} line; {@code jit} reads back the
 * milliseconds the worker's JIT has spent compiling so far.
 */
public final class LoopbackWorker {
    static final int ASYNC_THREADS = 8;
    /**
     * Event loops of the Vert.x transport: every thread it works on, the 8 the target allows, as many as the OkHttp
     * form's dispatcher threads. On 2 CPUs shared with the server's 64 threads the kernel shares the CPU out by
     * thread, so more loops get the client a larger share: the driven run measured 0.93 of 64 blocking threads with
     * 4 loops and 1.07 with 8 (2, 3 and 6 in between or worse). The property {@code pdpkit.bench.vertxLoops}, given to
     * the benchmark's own JVM, tries other counts.
     */
    static final int VERTX_EVENT_LOOPS = Integer.getInteger("pdpkit.bench.vertxLoops", 8);

    private LoopbackWorker() {
    }

    /**
     * @param args {@code sdk} or {@code floor}
     * @throws Exception if the server cannot start or a run fails
     */
    public static void main(String[] args) throws Exception {
        boolean sdkSide = args[0].equals("sdk");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ExecutorService asyncThreads = Executors.newFixedThreadPool(ASYNC_THREADS);
        try (ServerProcess server = ServerProcess.start();
             Harness harness = new Harness(server, LoopbackRun.CALLERS);
             Sdk sdk = sdkSide ? Sdk.connect(server.baseUrl()) : null;
             Sdk sdkAsync = sdkSide ? Sdk.connect(server.baseUrl(), asyncHttp(asyncThreads)) : null;
             Floor floor = sdkSide ? null : Floor.connect(server.baseUrl());
             Floor floorAsync = sdkSide ? null : Floor.connect(server.baseUrl()).with(asyncHttp(asyncThreads));
             VertxTransport vertx = sdkSide ? VertxTransport.builder().eventLoops(VERTX_EVENT_LOOPS)
                     .maxConnections(LoopbackRun.CALLERS).build() : null;
             Sdk sdkVertx = sdkSide ? Sdk.connect(server.baseUrl(), vertx) : null) {
            LongSupplier blocking = sdkSide ? sdk::get : floor::get;
            Function<String, ? extends CompletableFuture<?>> async = sdkSide ? sdkAsync.asyncGet().orElse(null)
                    : id -> floorAsync.getAsync();
            Function<String, ? extends CompletableFuture<?>> overVertx = sdkSide
                    ? sdkVertx.asyncGet().orElse(null) : null;
            out.println("ready " + (async != null) + " " + (overVertx != null));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("jit")) { // milliseconds the JIT has spent compiling so far
                    out.println(ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
                    continue;
                }
                String[] cmd = line.split(" ");
                int width = Integer.parseInt(cmd[1]);
                long calls = Long.parseLong(cmd[2]);
                Measurement m = cmd[0].equals("async") ? harness.async(async, width, calls)
                        : cmd[0].equals("vertx") ? harness.async(overVertx, width, calls)
                        : cmd[0].equals("vertx-chained") ? harness.chained(overVertx, width, calls)
                        : harness.blocking(blocking, width, calls);
                out.println(m.toLine());
            }
        } finally {
            asyncThreads.shutdownNow();
        }
    }

    /** An OkHttp client with the SDK's settings whose asynchronous calls run on {@code threads} only. */
    private static OkHttpClient asyncHttp(ExecutorService threads) {
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(LoopbackRun.CALLERS);
        dispatcher.setMaxRequestsPerHost(LoopbackRun.CALLERS);
        return Floor.sdkLike(new OkHttpClient.Builder()).dispatcher(dispatcher).build();
    }
}
