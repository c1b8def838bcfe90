package dev.pdpkit.client.waiters;

/** Told about every poll of a {@link Waiter}, on the waiting thread. */
@FunctionalInterface
public interface WaitListener {

    /** A listener that ignores everything. */
    WaitListener NONE = progress -> { };

    /**
     * @param progress the poll: attempt number, status read, time elapsed
     */
    void onPoll(WaitProgress progress);
}
