package dev.pdpkit.jdbc.internal;

import java.sql.Connection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process half of the refresh lock: threads of one JVM queue here before one of them takes the database row lock,
 * so a JVM holds at most one connection per key while waiting. An entry lives only while some thread holds or waits
 * for it, so an application with millions of principals does not keep a lock object per principal.
 *
 * <p>The entry also remembers the connection whose transaction holds the row lock, so that the lock holder's own
 * reads and writes run inside that transaction instead of waiting for it.
 */
public final class KeyLocks {
    private static final ConcurrentHashMap<Id, Entry> ENTRIES = new ConcurrentHashMap<>();

    private KeyLocks() {
    }

    /**
     * Identifies one lock: the data source instance (its identity) and the principal key.
     *
     * @param dataSource the data source, compared by identity unless it defines equality
     * @param key the principal key
     */
    public record Id(Object dataSource, String key) {
    }

    /** One lock and the connection its holder's transaction runs on. */
    public static final class Entry {
        private final ReentrantLock lock = new ReentrantLock(true);
        private int users; // guarded by ENTRIES.compute
        private Connection connection; // written and read by the lock holder only

        /** @return the holder's connection, set by {@link #bind} */
        public Connection connection() {
            return connection;
        }

        /** @param c the connection whose transaction holds the row lock, or null once it ends */
        public void bind(Connection c) {
            connection = c;
        }
    }

    /**
     * @param id the lock
     * @return the entry if the calling thread holds it, else null
     */
    public static Entry heldByCurrentThread(Id id) {
        Entry e = ENTRIES.get(id);
        return e != null && e.lock.isHeldByCurrentThread() ? e : null;
    }

    /**
     * Waits for the lock at most {@code timeoutNanos}.
     *
     * @param id the lock
     * @param timeoutNanos the longest wait
     * @return the held entry, or null if the wait ran out
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    public static Entry tryLock(Id id, long timeoutNanos) throws InterruptedException {
        Entry e = ENTRIES.compute(id, (k, v) -> {
            Entry entry = v == null ? new Entry() : v;
            entry.users++;
            return entry;
        });
        boolean locked = false;
        try {
            locked = e.lock.tryLock(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } finally {
            if (!locked) {
                release(id);
            }
        }
        return locked ? e : null;
    }

    /**
     * Releases a lock taken with {@link #tryLock}.
     *
     * @param id the lock
     * @param entry the entry {@link #tryLock} returned
     */
    public static void unlock(Id id, Entry entry) {
        entry.lock.unlock();
        release(id);
    }

    private static void release(Id id) {
        ENTRIES.computeIfPresent(id, (k, v) -> --v.users == 0 ? null : v);
    }
}
