package dev.pdpkit.testing.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pdpkit.oauth.LockTimeoutException;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TokenStore} must have for refresh to be safe. Extend it in your tests and return a new,
 * empty store from {@link #createStore()}; every test below then runs against your implementation.
 *
 * <pre>{@code
 * class RedisTokenStoreTest extends TokenStoreConformanceTest {
 *     @Override
 *     protected TokenStore createStore() {
 *         return new RedisTokenStore(redis, "test-" + UUID.randomUUID());
 *     }
 *
 *     @Override
 *     protected Optional<TokenStore> openSameStorage(TokenStore store) {
 *         return Optional.of(new RedisTokenStore(redis, ((RedisTokenStore) store).key()));
 *     }
 *
 *     @Override   // only for stores that keep one pair per user or workspace
 *     protected Optional<TokenStore> openOtherKey(TokenStore store) {
 *         return Optional.of(new RedisTokenStore(redis, "test-" + UUID.randomUUID()));
 *     }
 * }
 * }</pre>
 *
 * <p>Tests that need a second handle on the same storage (another instance, as another process or machine would open)
 * run only when {@link #openSameStorage} returns one; among them, two handles refreshing concurrently against a
 * rotating server must never both refresh. Tests of stores that keep one pair per principal key over shared storage
 * run only when {@link #openOtherKey} returns a store for another key. Lock and deadlock tests fail after a generous
 * timeout instead of hanging; no test asserts how fast anything is.
 */
public abstract class TokenStoreConformanceTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final Duration TIMED_LOCK_GUARD = Duration.ofSeconds(5);

    private static final OAuthTokens FULL = OAuthTokens.of("access-1", "refresh-1",
            Instant.parse("2030-01-02T03:04:05.678Z"), "wksp_1", List.of("workspace:admin", "offline_access"));
    private static final OAuthTokens MINIMAL = OAuthTokens.of("access-2", null, null, null, List.of());
    private static final OAuthTokens OTHER = OAuthTokens.of("access-3", "refresh-3",
            Instant.parse("2031-01-01T00:00:00Z"), "wksp_1", List.of("workspace:admin"));

    /** The store under test, created fresh for each test. */
    protected TokenStore store;

    /** Creates the store for the next test. */
    @BeforeEach
    void createStoreUnderTest() throws Exception {
        store = createStore();
    }

    /**
     * @return a new store with no tokens, not shared with the store of any other test
     * @throws Exception if it cannot be created
     */
    protected abstract TokenStore createStore() throws Exception;

    /**
     * Override to enable the tests that use two handles on one storage.
     *
     * @param store a store returned by {@link #createStore()}
     * @return a second, independent instance over the same storage, or empty (the default) to skip those tests
     * @throws Exception if it cannot be opened
     */
    protected Optional<TokenStore> openSameStorage(TokenStore store) throws Exception {
        return Optional.empty();
    }

    /**
     * Override for stores that keep one token pair per principal (user, workspace) in shared storage.
     *
     * @param store a store returned by {@link #createStore()}
     * @return a store over the same storage for another, unused key, or empty (the default: stores that hold one pair
     *     by design) to skip the multi-key tests
     * @throws Exception if it cannot be opened
     */
    protected Optional<TokenStore> openOtherKey(TokenStore store) throws Exception {
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------ basic contract

    @Test
    void emptyStoreLoadsNothing() {
        assertEquals(Optional.empty(), store.load());
    }

    @Test
    void savedTokensLoadWithEveryField() {
        store.save(FULL);
        OAuthTokens loaded = store.load().orElseThrow();
        assertEquals(FULL.accessToken(), loaded.accessToken());
        assertEquals(FULL.refreshToken(), loaded.refreshToken());
        assertEquals(FULL.expiresAt(), loaded.expiresAt());
        assertEquals(FULL.workspaceId(), loaded.workspaceId());
        assertEquals(new ArrayList<>(FULL.scopes()), new ArrayList<>(loaded.scopes()), "scopes and their order");
        assertEquals(FULL, loaded);
    }

    @Test
    void tokensWithoutOptionalFieldsRoundTrip() {
        store.save(MINIMAL);
        assertEquals(Optional.of(MINIMAL), store.load());
    }

    @Test
    void saveReplacesThePreviousValue() {
        store.save(FULL);
        store.save(MINIMAL);
        assertEquals(Optional.of(MINIMAL), store.load());
    }

    @Test
    void clearRemovesAndCanBeRepeated() {
        store.save(FULL);
        store.clear();
        assertEquals(Optional.empty(), store.load());
        store.clear();
        assertEquals(Optional.empty(), store.load());
    }

    @Test
    void clearIfCurrentRemovesTheSamePair() {
        store.save(FULL);
        assertTrue(store.clearIfCurrent(FULL));
        assertEquals(Optional.empty(), store.load());
    }

    @Test
    void clearIfCurrentComparesTokensNotMetadata() {
        store.save(FULL);
        OAuthTokens samePairOtherMetadata = OAuthTokens.of(FULL.accessToken(), FULL.refreshToken().orElseThrow(),
                null, null, List.of());
        assertTrue(store.clearIfCurrent(samePairOtherMetadata));
        assertEquals(Optional.empty(), store.load());
    }

    @Test
    void clearIfCurrentKeepsADifferentPair() {
        store.save(FULL);
        assertFalse(store.clearIfCurrent(OTHER));
        OAuthTokens sameAccessOtherRefresh = OAuthTokens.of(FULL.accessToken(), "another-refresh", null, null,
                List.of());
        assertFalse(store.clearIfCurrent(sameAccessOtherRefresh));
        OAuthTokens withoutRefresh = OAuthTokens.of(FULL.accessToken(), null, null, null, List.of());
        assertFalse(store.clearIfCurrent(withoutRefresh));
        assertEquals(Optional.of(FULL), store.load());
    }

    @Test
    void clearIfCurrentOnAnEmptyStoreReturnsFalse() {
        assertFalse(store.clearIfCurrent(FULL));
        assertEquals(Optional.empty(), store.load());
    }

    @Test
    void toStringDoesNotRevealTokens() {
        store.save(FULL);
        String text = String.valueOf(store);
        assertFalse(text.contains(FULL.accessToken()), "access token in toString()");
        assertFalse(text.contains(FULL.refreshToken().orElseThrow()), "refresh token in toString()");
    }

    // ----------------------------------------------------------------------------------------- refresh lock

    @Test
    void refreshLockReturnsTheActionsResult() {
        assertEquals("done", assertTimeoutPreemptively(HANG_GUARD, () -> store.withRefreshLock(() -> "done")));
    }

    @Test
    void refreshLockPassesExceptionsThroughAndIsReleased() throws Exception {
        IllegalStateException thrown = new IllegalStateException("from the action");
        IllegalStateException caught = assertThrows(IllegalStateException.class,
                () -> store.withRefreshLock(() -> {
                    throw thrown;
                }));
        assertSame(thrown, caught);
        // Another thread can take the lock afterwards.
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertEquals("again", other.submit(() -> store.withRefreshLock(() -> "again"))
                    .get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void mutationsWorkInsideTheRefreshLock() {
        // The SDK reloads, saves and compare-and-clears while holding the lock; a store whose writes take the same
        // lock must let the holder in.
        assertTimeoutPreemptively(HANG_GUARD, () -> store.withRefreshLock(() -> {
            assertEquals(Optional.empty(), store.load());
            store.save(FULL);
            assertEquals(Optional.of(FULL), store.load());
            assertFalse(store.clearIfCurrent(OTHER));
            assertTrue(store.clearIfCurrent(FULL));
            store.save(MINIMAL);
            store.clear();
            store.save(OTHER);
            return null;
        }));
        assertEquals(Optional.of(OTHER), store.load());
    }

    @Test
    void refreshLockIsMutuallyExclusive() throws Exception {
        int threads = 16;
        int rounds = 25;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        int[] unsafeCounter = {0};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int r = 0; r < rounds; r++) {
                        store.withRefreshLock(() -> {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            int read = unsafeCounter[0];
                            Thread.yield();
                            unsafeCounter[0] = read + 1;
                            inside.decrementAndGet();
                            return null;
                        });
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, maxInside.get(), "two callers were inside the refresh lock at once");
        assertEquals(threads * rounds, unsafeCounter[0], "lost updates inside the refresh lock");
    }

    @Test
    void aCompareAndClearRaceKeepsTheNewerPair() throws Exception {
        // A slow process read FULL, its refresh failed; meanwhile another writer saves OTHER. Whatever the order
        // the store allows, the slow process's compare-and-clear must not erase OTHER.
        store.save(FULL);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Boolean> cleared = new CompletableFuture<>();
            Future<?> write = assertTimeoutPreemptively(HANG_GUARD, () -> store.withRefreshLock(() -> {
                OAuthTokens seen = store.load().orElseThrow();
                Future<?> w = writer.submit(() -> store.save(OTHER));
                try {
                    // Give the writer a chance to finish if the store lets it write now; if the store serialises
                    // writes behind the lock, the write lands after we leave.
                    w.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillBlocked) {
                    // fine
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                cleared.complete(store.clearIfCurrent(seen));
                return w;
            }));
            write.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(Optional.of(OTHER), store.load(), "the newer pair was erased");
            assertTrue(cleared.isDone());
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void readersNeverSeeAPartialWrite() throws Exception {
        int writes = 200;
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    while (!done.get()) {
                        store.load().ifPresent(t -> {
                            String n = t.accessToken().substring("a-".length());
                            if (!t.refreshToken().equals(Optional.of("r-" + n))
                                    || !t.workspaceId().equals(Optional.of("w-" + n))) {
                                problems.add("inconsistent value for write " + n);
                            }
                        });
                    }
                    return null;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < writes; i++) {
                    store.save(OAuthTokens.of("a-" + i, "r-" + i, Instant.EPOCH.plusSeconds(i), "w-" + i,
                            List.of("workspace:admin")));
                }
                done.set(true);
                return null;
            });
            writer.get(HANG_GUARD.toMillis() * 2, TimeUnit.MILLISECONDS);
            for (Future<?> f : readers) {
                f.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        assertEquals(List.of(), problems);
        assertEquals("a-" + (writes - 1), store.load().orElseThrow().accessToken());
    }

    @Test
    void aTimedRefreshLockGivesUpWhileAnotherThreadHoldsIt() throws Exception {
        assertTimedLockGivesUp(store);
    }

    // ----------------------------------------------------------------------------- two handles, one storage

    @Test
    void aSecondHandleSeesEveryChangeAtOnce() throws Exception {
        TokenStore second = secondHandle();
        store.save(FULL);
        assertEquals(Optional.of(FULL), second.load());
        second.save(OTHER);
        assertEquals(Optional.of(OTHER), store.load());
        assertFalse(store.clearIfCurrent(FULL));
        assertTrue(store.clearIfCurrent(OTHER));
        assertEquals(Optional.empty(), second.load());
    }

    @Test
    void theRefreshLockExcludesOtherHandles() throws Exception {
        TokenStore second = secondHandle();
        AtomicBoolean firstInside = new AtomicBoolean();
        AtomicBoolean overlap = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = holdLock(pool, release, firstInside, "the first handle never got the lock");
            Future<?> contender = pool.submit(() -> second.withRefreshLock(() -> {
                if (firstInside.get()) {
                    overlap.set(true);
                }
                return null;
            }));
            // Let the contender try while the lock is held, then release.
            try {
                contender.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException expected) {
                // blocked, as it should be
            }
            release.countDown();
            holder.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            contender.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertFalse(overlap.get(), "both handles were inside the refresh lock at once");
    }

    @Test
    void twoHandlesRefreshingConcurrentlyNeverBothRefresh() throws Exception {
        TokenStore second = secondHandle();
        int threads = 6;
        int rounds = 15;
        RotatingServer server = new RotatingServer();
        store.save(server.issue());
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TokenStore handle = t % 2 == 0 ? store : second;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        barrier.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
                        OAuthTokens seen = handle.load().orElseThrow();
                        // Every thread of both handles now holds the same pair and finds it due for refresh.
                        barrier.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
                        handle.withRefreshLock(() -> {
                            OAuthTokens current = handle.load().orElseThrow();
                            if (current.samePair(seen)) {
                                handle.save(server.refresh(current.refreshToken().orElseThrow()));
                            }
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(HANG_GUARD.toMillis() * 2, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, server.reuses.get(), "a rotated refresh token was sent again (two handles refreshed)");
        assertEquals(rounds, server.refreshes.get(), "refreshes: one per round");
        assertEquals(server.current(), second.load().orElseThrow().refreshToken().orElseThrow());
    }

    @Test
    void aTimedRefreshLockGivesUpWhileAnotherHandleHoldsIt() throws Exception {
        assertTimedLockGivesUp(secondHandle());
    }

    /**
     * While {@link #store} holds the refresh lock, {@code contender.withRefreshLock(timeout, ..)} must end with
     * {@link LockTimeoutException} without running its action, so an API call's budget bounds the wait.
     */
    private void assertTimedLockGivesUp(TokenStore contender) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = holdLock(pool, release, null, "the first caller never got the lock");
            Future<Throwable> attempt = pool.submit(() -> {
                try {
                    contender.withRefreshLock(Duration.ofMillis(100), () -> {
                        ran.set(true);
                        return null;
                    });
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Throwable outcome;
            try {
                outcome = attempt.get(TIMED_LOCK_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                outcome = null;
            }
            release.countDown();
            holder.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(outcome instanceof LockTimeoutException,
                    "withRefreshLock(timeout, ..) must give up with LockTimeoutException while the lock is held; got "
                            + (outcome == null ? "no answer within " + TIMED_LOCK_GUARD : outcome));
            assertFalse(ran.get(), "the action ran although the lock was not obtained");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------ one pair per key

    @Test
    void keysAreIndependent() throws Exception {
        TokenStore other = otherKey();
        store.save(FULL);
        assertEquals(Optional.empty(), other.load(), "a pair saved under one key showed under another");
        other.save(OTHER);
        assertEquals(Optional.of(FULL), store.load());
        assertFalse(other.clearIfCurrent(FULL));
        assertFalse(store.clearIfCurrent(OTHER));
        store.clear();
        assertEquals(Optional.empty(), store.load());
        assertEquals(Optional.of(OTHER), other.load(), "clearing one key cleared another");
    }

    @Test
    void aHeldRefreshLockDoesNotBlockAnotherKey() throws Exception {
        TokenStore other = otherKey();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = holdLock(pool, release, null, "the first key's lock was never obtained");
            // One user's refresh must not stall every other user's: this completes while the first lock is held.
            Future<String> free = pool.submit(() -> other.withRefreshLock(() -> {
                other.save(MINIMAL);
                return "free";
            }));
            assertEquals("free", free.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
            release.countDown();
            holder.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals(Optional.of(MINIMAL), other.load());
        assertEquals(Optional.empty(), store.load());
    }

    private TokenStore otherKey() throws Exception {
        Optional<TokenStore> other = openOtherKey(store);
        Assumptions.assumeTrue(other.isPresent(), "single-key store: openOtherKey not implemented");
        return other.get();
    }

    private TokenStore secondHandle() throws Exception {
        Optional<TokenStore> second = openSameStorage(store);
        Assumptions.assumeTrue(second.isPresent(), "openSameStorage not implemented for this store");
        return second.get();
    }

    /**
     * Takes the store's refresh lock on a pool thread and keeps it until {@code release} opens.
     *
     * @param pool where the holder runs
     * @param release opened by the test to let the holder go
     * @param inside set while the holder is inside the lock, or null
     * @param neverGotIt the failure message when the lock is not obtained in time
     * @return the holder's future, once the lock is held
     * @throws InterruptedException if the test is interrupted while waiting
     */
    private Future<?> holdLock(ExecutorService pool, CountDownLatch release, AtomicBoolean inside, String neverGotIt)
            throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> store.withRefreshLock(() -> {
            if (inside != null) {
                inside.set(true);
            }
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (inside != null) {
                inside.set(false);
            }
            return null;
        }));
        if (!entered.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(neverGotIt);
        }
        return holder;
    }

}
