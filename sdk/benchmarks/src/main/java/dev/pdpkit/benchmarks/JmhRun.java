package dev.pdpkit.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link ProjectGetBenchmark} with JMH's GC profiler and keeps time and allocation per call. */
final class JmhRun {
    /**
     * One benchmark's result.
     *
     * @param microsPerCall average time per call
     * @param bytesPerCall {@code gc.alloc.rate.norm}, bytes allocated per call (all threads)
     */
    record Figures(double microsPerCall, double bytesPerCall) {
    }

    private JmhRun() {
    }

    /**
     * @return the figures by benchmark method name ({@code sdk}, {@code floor})
     * @throws RunnerException if JMH fails
     */
    static Map<String, Figures> run() throws RunnerException {
        Map<String, Figures> out = new LinkedHashMap<>();
        for (RunResult r : new Runner(new OptionsBuilder()
                .include(ProjectGetBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .build()).run()) {
            String name = r.getParams().getBenchmark();
            out.put(name.substring(name.lastIndexOf('.') + 1),
                    new Figures(r.getPrimaryResult().getScore(), allocationNorm(r)));
        }
        return out;
    }

    private static double allocationNorm(RunResult r) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
