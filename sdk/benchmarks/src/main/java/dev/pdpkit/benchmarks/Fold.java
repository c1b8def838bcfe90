package dev.pdpkit.benchmarks;

/** Folds the fields a benchmark read into one number, so that the JIT cannot drop the reads as dead code. */
final class Fold {
    private Fold() {
    }

    static long of(Object... fields) {
        long h = 17;
        for (Object f : fields) {
            h = 31 * h + (f == null ? 0 : f.hashCode());
        }
        return h;
    }
}
