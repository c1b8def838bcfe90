package dev.pdpkit.spring.boot.internal;

/** Hears about every HTTP attempt of the PrismaManagement bean (metrics implement it). */
@FunctionalInterface
public interface CallObserver {
    /**
     * Called after each attempt, on the calling thread; must not throw.
     *
     * @param attempt what happened
     */
    void onAttempt(CallAttempt attempt);
}
