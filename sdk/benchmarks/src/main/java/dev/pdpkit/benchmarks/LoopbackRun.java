package dev.pdpkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The loopback throughput harness: SDK and floor, each in a {@link LoopbackWorker} JVM with its own canned server, run
 * in alternating order over several rounds so that drift on a busy machine hits both alike; 1 and 64 blocking callers,
 * and the async forms with 64 calls in flight: on an OkHttp dispatcher of 8 threads, and (SDK only) through the Vert.x
 * transport on its 8 event loops, driven like the OkHttp form and, for reference, as 64 chains.
 */
final class LoopbackRun {
    static final int CALLERS = 64;
    static final long CALLS = 20_000;
    static final long SINGLE_CALLS = 10_000;
    /**
     * Fewest rounds run before measuring. The SDK side has far more code than the floor for the JIT to compile (the
     * client, its async pipeline, Vert.x and Netty); with a fixed three rounds the JIT was still compiling through the
     * first measured rounds, and its threads' CPU time counted as the SDK's per-call cost. So each worker warms up
     * until a round adds less than {@link #QUIET_JIT_MILLIS} of compilation, within {@link #MAX_WARMUP_ROUNDS}.
     */
    static final int MIN_WARMUP_ROUNDS = 3;
    static final int MAX_WARMUP_ROUNDS = 20;
    static final long QUIET_JIT_MILLIS = 25;

    /** Key suffix of the one pseudo-measurement per side whose {@code calls} is the number of warm-up rounds. */
    static final String WARMUP_KEY = "/warmup";

    private LoopbackRun() {
    }

    /**
     * Runs {@code forks} fresh pairs of workers one after the other. Two JVMs running the same code can differ by a few
     * per cent for good (the JIT's inlining and code layout differ from one start to the next), more than the effects
     * measured here; several forks let the medians speak for the code rather than for one start.
     *
     * @param forks pairs of workers, one after the other
     * @param rounds measured rounds per fork, after its warm-up
     * @return every measurement, keyed {@code sdk/1}, {@code sdk/64}, {@code sdk/async}, {@code sdk/vertx},
     *     {@code floor/...}, in fork and round order, so that the n-th SDK and floor measurements form a pair; and one
     *     pseudo-measurement per fork and side under {@link #WARMUP_KEY}
     * @throws Exception if a worker cannot start or a run fails
     */
    static Map<String, List<Measurement>> run(int forks, int rounds) throws Exception {
        Map<String, List<Measurement>> out = new LinkedHashMap<>();
        for (int fork = 0; fork < forks; fork++) {
            try (Worker floor = Worker.start("floor"); Worker sdk = Worker.start("sdk")) {
                List<Worker> order = List.of(floor, sdk);
                for (Worker w : order) { // JIT, connection pools, server threads
                    out.computeIfAbsent(w.name + WARMUP_KEY, k -> new ArrayList<>()).add(w.warmUp());
                }
                for (int round = 0; round < rounds; round++) {
                    for (Worker w : round % 2 == 0 ? order : List.of(sdk, floor)) {
                        w.round().forEach((key, m) -> out.computeIfAbsent(w.name + key, k -> new ArrayList<>())
                                .add(m));
                    }
                }
            }
        }
        return out;
    }

    /** A worker JVM and the pipes to it. */
    private static final class Worker implements AutoCloseable {
        final String name;
        private final Process process;
        private final BufferedReader from;
        private final PrintStream to;
        private final boolean async;
        private final boolean vertx;

        private Worker(String name, Process process) throws IOException {
            this.name = name;
            this.process = process;
            this.from = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.to = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String ready = from.readLine();
            if (ready == null || !ready.startsWith("ready ")) {
                process.destroyForcibly();
                throw new IOException("the " + name + " worker did not start (it printed " + ready + ")");
            }
            String[] sides = ready.substring("ready ".length()).split(" ");
            this.async = Boolean.parseBoolean(sides[0]);
            this.vertx = sides.length > 1 && Boolean.parseBoolean(sides[1]);
        }

        static Worker start(String name) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
            String loops = System.getProperty("pdpkit.bench.vertxLoops");
            if (loops != null) {
                command.add(1, "-Dpdpkit.bench.vertxLoops=" + loops);
            }
            command.addAll(List.of(LoopbackWorker.class.getName(), name));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            return new Worker(name, pb.start());
        }

        /** @return one round: 1 caller, 64 callers, and the async forms (OkHttp, Vert.x) the side has */
        Map<String, Measurement> round() throws IOException {
            Map<String, Measurement> m = new LinkedHashMap<>();
            m.put("/1", ask("blocking 1 " + SINGLE_CALLS));
            m.put("/64", ask("blocking " + CALLERS + " " + CALLS));
            if (async) {
                m.put("/async", ask("async " + CALLERS + " " + CALLS));
            }
            if (vertx) {
                m.put("/vertx", ask("vertx " + CALLERS + " " + CALLS));
                m.put("/vertx-chained", ask("vertx-chained " + CALLERS + " " + CALLS));
            }
            return m;
        }

        /** @return a pseudo-measurement whose {@code calls} is the number of warm-up rounds run */
        Measurement warmUp() throws IOException {
            long compiled = jitMillis();
            int round = 0;
            while (round < MAX_WARMUP_ROUNDS) {
                round();
                round++;
                long now = jitMillis();
                if (round >= MIN_WARMUP_ROUNDS && now - compiled < QUIET_JIT_MILLIS) {
                    break;
                }
                compiled = now;
            }
            return new Measurement(round, 0, 0, 0, 0, 0, 0);
        }

        private long jitMillis() throws IOException {
            to.println("jit");
            String line = from.readLine();
            if (line == null) {
                throw new IOException("the " + name + " worker exited during 'jit'");
            }
            return Long.parseLong(line.trim());
        }

        private Measurement ask(String command) throws IOException {
            to.println(command);
            String line = from.readLine();
            if (line == null) {
                throw new IOException("the " + name + " worker exited during '" + command + "'");
            }
            return Measurement.parse(line);
        }

        @Override
        public void close() throws InterruptedException {
            to.println("quit");
            to.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
