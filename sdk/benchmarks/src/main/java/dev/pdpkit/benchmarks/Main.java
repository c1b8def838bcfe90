package dev.pdpkit.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the JMH benchmark and the loopback harness, then prints the figures and ratios of issue 13.
 *
 * <p>Arguments: {@code --forks N} (pairs of worker JVMs, default 3), {@code --rounds N} (measured rounds per fork,
 * default 3), {@code --no-jmh} (harness only), or {@code jmh ARGS...} to run JMH's
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
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int forks = option(list, "--forks", 3);
        int rounds = option(list, "--rounds", 3);
        Map<String, JmhRun.Figures> jmh = list.contains("--no-jmh") ? Map.of() : JmhRun.run();
        Map<String, List<Measurement>> runs = LoopbackRun.run(forks, rounds);
        new Report(System.out, jmh, runs).print(forks, rounds, load);
    }

    private static int option(List<String> args, String name, int otherwise) {
        int at = args.indexOf(name);
        return at < 0 ? otherwise : Integer.parseInt(args.get(at + 1));
    }
}
