package dev.pdpkit.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the JMH benchmark and the loopback harness, then prints the figures and ratios of issue 13.
 *
 * <p>Arguments: {@code --rounds N} (default 7), {@code --no-jmh} (harness only), or {@code jmh ARGS...} to run JMH's
 * own command line on this jar instead (for example {@code jmh ProjectGetBenchmark -prof gc}).
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args see the class comment
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        List<String> list = Arrays.asList(args);
        int rounds = list.contains("--rounds") ? Integer.parseInt(list.get(list.indexOf("--rounds") + 1)) : 7;
        Map<String, JmhRun.Figures> jmh = list.contains("--no-jmh") ? Map.of() : JmhRun.run();
        Map<String, List<Measurement>> runs = LoopbackRun.run(rounds);
        new Report(System.out, jmh, runs).print(rounds);
    }
}
