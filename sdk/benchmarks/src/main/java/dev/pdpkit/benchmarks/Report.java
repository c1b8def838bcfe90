package dev.pdpkit.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the figures and the ratios issue 13 sets targets for. */
final class Report {
    private final PrintStream out;
    private final Map<String, JmhRun.Figures> jmh;
    private final Map<String, List<Measurement>> runs;

    Report(PrintStream out, Map<String, JmhRun.Figures> jmh, Map<String, List<Measurement>> runs) {
        this.out = out;
        this.jmh = jmh;
        this.runs = runs;
    }

    /**
     * @param forks pairs of worker JVMs run
     * @param rounds measured rounds per fork
     * @param loadBefore the system load average before the run started
     */
    void print(int forks, int rounds, double loadBefore) {
        out.printf(Locale.ROOT, "%npdpkit benchmarks: client.projects().get(id) against the floor (raw OkHttp + "
                        + "Jackson tree read), loopback; Java %s, %d CPUs%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        // Other builds on a shared machine move every figure: the load before the run says how much to trust them
        // (the load during it counts the benchmark's own 64 callers).
        out.printf(Locale.ROOT, "System load average before the run: %.1f%s%n", loadBefore,
                loadBefore > Runtime.getRuntime().availableProcessors() ? " (other work was running: expect noisy "
                        + "ratios)" : "");
        if (!jmh.isEmpty()) {
            out.println("JMH, 1 caller (-prof gc):");
            jmh.forEach((name, f) -> out.printf(Locale.ROOT, "  %-6s %8.1f us/call %10.0f B/call%n", name,
                    f.microsPerCall(), f.bytesPerCall()));
        }
        out.printf(Locale.ROOT, "Loopback harness, median of %d rounds in %d forks of fresh worker JVMs (1 caller: %,d "
                + "calls; 64 callers and async: %,d calls):%n", forks * rounds, forks, LoopbackRun.SINGLE_CALLS,
                LoopbackRun.CALLS);
        out.printf(Locale.ROOT, "  warm-up rounds per fork, until one added under %d ms of JIT compilation: SDK %s, "
                + "floor %s%n", LoopbackRun.QUIET_JIT_MILLIS, warmup("sdk"), warmup("floor"));
        out.printf(Locale.ROOT, "  %-42s %12s %12s%n", "", "SDK", "floor");
        row("bytes allocated per call, 1 caller", "/1", Measurement::bytesPerCall, "%12.0f");
        row("CPU us per call, 1 caller", "/1", Measurement::cpuMicrosPerCall, "%12.1f");
        row("CPU us per call, 64 callers", "/64", Measurement::cpuMicrosPerCall, "%12.1f");
        row("calls/s, 64 callers", "/64", Measurement::throughput, "%12.0f");
        row("new TCP connections per 20,000 calls, 64", "/64", m -> m.connections(), "%12.0f");
        row("async calls/s via OkHttp, 8 threads", "/async", Measurement::throughput, "%12.0f");
        row("async: threads doing >= 1% of the CPU work", "/async", m -> m.busyThreads(), "%12.0f");
        row("async calls/s via Vert.x, 64 in flight", "/vertx", Measurement::throughput, "%12.0f");
        row("async CPU us per call via Vert.x", "/vertx", Measurement::cpuMicrosPerCall, "%12.1f");
        row("async via Vert.x: threads >= 1% of CPU", "/vertx", m -> m.busyThreads(), "%12.0f");
        row("Vert.x, chained: calls/s, 64 in flight", "/vertx-chained", Measurement::throughput, "%12.0f");
        row("Vert.x, chained: CPU us per call", "/vertx-chained", Measurement::cpuMicrosPerCall, "%12.1f");
        row("Vert.x, chained: threads >= 1% of CPU", "/vertx-chained", m -> m.busyThreads(), "%12.0f");
        ratios();
        long errors = runs.values().stream().flatMap(List::stream).mapToLong(Measurement::errors).sum();
        if (errors > 0) {
            out.println("WARNING: " + errors + " calls failed; the figures above are not valid");
        }
    }

    private void ratios() {
        out.println("Ratios (SDK / floor unless said; median of the rounds' paired ratios, [lowest-highest]):");
        if (jmh.containsKey("sdk") && jmh.containsKey("floor")) {
            double value = jmh.get("sdk").bytesPerCall() / jmh.get("floor").bytesPerCall();
            ratio("allocation per call (JMH gc.alloc.rate.norm)", new double[] {value, value, value}, "<=", 1.3);
        } else {
            ratio("allocation per call (harness, 1 caller)", paired("sdk/1", "floor/1", Measurement::bytesPerCall),
                    "<=", 1.3);
        }
        ratio("CPU per call, 1 caller", paired("sdk/1", "floor/1", Measurement::cpuMicrosPerCall), "<=", 1.0);
        ratio("CPU per call, 64 callers", paired("sdk/64", "floor/64", Measurement::cpuMicrosPerCall), "<=", 1.0);
        ratio("throughput, 64 callers", paired("sdk/64", "floor/64", Measurement::throughput), ">=", 1.0);
        String vertx = "async through the Vert.x transport (64 in flight) / blocking (64 threads), SDK";
        if (runs.containsKey("sdk/vertx")) {
            ratio(vertx, paired("sdk/vertx", "sdk/64", Measurement::throughput), ">=", 1.0);
            double[] chained = paired("sdk/vertx-chained", "sdk/64", Measurement::throughput);
            out.printf(Locale.ROOT, "  %-62s %6.2f [%.2f-%.2f] (for reference: each completion starts the next call, "
                    + "no hand-over between threads)%n", vertx.replace("(64 in flight)", "(64 chains)"), chained[0],
                    chained[1], chained[2]);
        }
        // OkHttp runs each asynchronous exchange as a blocking one on a dispatcher thread: with 8 threads, 8 exchanges
        // are on the wire and the rest wait in its queue, so this form cannot have 64 calls in flight on 8 threads.
        String async = "async via OkHttp (8 dispatcher threads) / blocking (64 threads)";
        double[] sdkAsync = paired("sdk/async", "sdk/64", Measurement::throughput);
        out.printf(Locale.ROOT, "  %-62s %6.2f [%.2f-%.2f] (for reference: OkHttp has 8 exchanges on the wire at "
                + "once; raw OkHttp %.2f)%n", async + ", SDK", sdkAsync[0], sdkAsync[1], sdkAsync[2],
                paired("floor/async", "floor/64", Measurement::throughput)[0]);
        double churn = median("sdk/64", m -> m.connections());
        out.printf(Locale.ROOT, "  %-62s %6.0f  (floor %.0f)  target <= %d  %s%n",
                "SDK new TCP connections per 20,000 calls at 64 callers", churn,
                median("floor/64", m -> m.connections()), LoopbackRun.CALLERS,
                churn <= LoopbackRun.CALLERS ? "MET" : "MISSED");
    }

    private void row(String label, String suffix, ToDoubleFunction<Measurement> metric, String format) {
        if (!runs.containsKey("sdk" + suffix) && !runs.containsKey("floor" + suffix)) {
            return;
        }
        String floor = runs.containsKey("floor" + suffix)
                ? String.format(Locale.ROOT, format, median("floor" + suffix, metric)) : String.format("%12s", "-");
        out.printf(Locale.ROOT, "  %-42s " + format + " %s%n", label, median("sdk" + suffix, metric), floor);
    }

    private void ratio(String label, double[] value, String op, double target) {
        boolean met = op.equals("<=") ? value[0] <= target : value[0] >= target;
        out.printf(Locale.ROOT, "  %-62s %6.2f [%.2f-%.2f]  target %s %.1f  %s%n", label, value[0], value[1],
                value[2], op, target, met ? "MET" : "MISSED");
    }

    /** Ratios of round i of {@code a} to round i of {@code b}: run side by side, they share the machine's mood. */
    private double[] paired(String a, String b, ToDoubleFunction<Measurement> metric) {
        List<Measurement> as = runs.getOrDefault(a, List.of());
        List<Measurement> bs = runs.getOrDefault(b, List.of());
        double[] ratios = new double[Math.min(as.size(), bs.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = metric.applyAsDouble(as.get(i)) / metric.applyAsDouble(bs.get(i));
        }
        if (ratios.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        Arrays.sort(ratios);
        return new double[] {median(ratios), ratios[0], ratios[ratios.length - 1]};
    }

    private double median(String key, ToDoubleFunction<Measurement> metric) {
        List<Measurement> list = runs.get(key);
        if (list == null || list.isEmpty()) {
            return Double.NaN;
        }
        return median(list.stream().mapToDouble(metric).sorted().toArray());
    }

    private String warmup(String side) {
        List<Measurement> m = runs.getOrDefault(side + LoopbackRun.WARMUP_KEY, List.of());
        return m.stream().map(w -> Long.toString(w.calls())).collect(java.util.stream.Collectors.joining(", "));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
