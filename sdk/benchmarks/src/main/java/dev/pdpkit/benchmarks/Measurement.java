package dev.pdpkit.benchmarks;

/**
 * What one timed run of a harness cost.
 *
 * @param calls calls completed
 * @param errors calls that failed (a run with errors does not count)
 * @param wallNanos elapsed time
 * @param cpuNanos CPU time of the measuring process (every thread: callers, OkHttp, GC, JIT)
 * @param allocatedBytes bytes allocated by all threads of this process
 * @param connections TCP connections the server accepted during the run
 * @param busyThreads threads that did at least 1% of the run's CPU work, the caller submitting async calls aside
 */
public record Measurement(long calls, long errors, long wallNanos, long cpuNanos, long allocatedBytes,
                          long connections, int busyThreads) {
    /** @return the fields on one line, as a worker reports them to the parent */
    String toLine() {
        return calls + " " + errors + " " + wallNanos + " " + cpuNanos + " " + allocatedBytes + " " + connections + " "
                + busyThreads;
    }

    /**
     * @param line a line made by {@link #toLine()}
     * @return the measurement
     */
    static Measurement parse(String line) {
        String[] f = line.trim().split(" ");
        return new Measurement(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[6]));
    }

    /** @return calls per second */
    public double throughput() {
        return calls * 1e9 / wallNanos;
    }

    /** @return CPU microseconds per call */
    public double cpuMicrosPerCall() {
        return cpuNanos / 1e3 / calls;
    }

    /** @return bytes allocated per call */
    public double bytesPerCall() {
        return (double) allocatedBytes / calls;
    }
}
