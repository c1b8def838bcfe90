package dev.pdpkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.oauth.LoginRequiredException;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refresh lock's waits end in a typed exception, and the lock follows the life of its database session. */
class JdbcTokenStoreLockTest {
    private static final OAuthTokens PAIR = OAuthTokens.of("access-lock-1", "refresh-lock-1",
            Instant.parse("2030-01-01T00:00:00Z"), "wksp_1", List.of("workspace:admin"));

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void anotherInstanceWaitingTooLongGetsATypedTimeout() throws Exception {
        JdbcTokenStore holder = store(SharedPostgres.dataSource(), SharedPostgres.freshKey(), Duration.ofSeconds(30));
        holder.save(PAIR);
        Future<?> held = holdLock(holder);
        JdbcTokenStore other = store(SharedPostgres.newPool(2), holder.key(), Duration.ofMillis(300));

        assertThatThrownBy(() -> other.withRefreshLock(() -> "never"))
                .isInstanceOf(TokenLockTimeoutException.class)
                .isInstanceOf(dev.pdpkit.oauth.LockTimeoutException.class)
                .hasMessageContaining(holder.key()).hasMessageContaining("300 ms")
                .satisfies(e -> assertThat(((TokenStoreException) e).reason())
                        .isEqualTo(TokenStoreException.Reason.LOCK_TIMEOUT));
        // Writes from outside lock the row too, so they wait and time out the same way; reads do not wait.
        assertThatThrownBy(() -> other.save(PAIR)).isInstanceOf(TokenLockTimeoutException.class);
        assertThatThrownBy(() -> other.clearIfCurrent(PAIR)).isInstanceOf(TokenLockTimeoutException.class);
        assertThat(other.load()).contains(PAIR);

        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        assertThat(other.withRefreshLock(() -> "after release")).isEqualTo("after release");
    }

    @Test
    void aCallersBudgetBoundsTheWaitBelowTheStoresTimeout() throws Exception {
        JdbcTokenStore holder = store(SharedPostgres.dataSource(), SharedPostgres.freshKey(), Duration.ofSeconds(30));
        Future<?> held = holdLock(holder);
        JdbcTokenStore other = store(SharedPostgres.newPool(2), holder.key(), Duration.ofSeconds(30));
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        assertThatThrownBy(() -> other.withRefreshLock(Duration.ofMillis(200), () -> ran.getAndSet(true)))
                .isInstanceOf(TokenLockTimeoutException.class).hasMessageContaining("200 ms")
                .satisfies(e -> assertThat(((TokenLockTimeoutException) e).waited()).isEqualTo(Duration.ofMillis(200)));
        assertThat(ran).isFalse();
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        assertThat(other.withRefreshLock(Duration.ofSeconds(5), () -> "free")).isEqualTo("free");
    }

    @Test
    void aThreadOfTheSameInstanceWaitingTooLongGetsATypedTimeout() throws Exception {
        JdbcTokenStore holder = store(SharedPostgres.dataSource(), SharedPostgres.freshKey(), Duration.ofMillis(300));
        Future<?> held = holdLock(holder);
        assertThatThrownBy(() -> holder.withRefreshLock(() -> "never")).isInstanceOf(TokenLockTimeoutException.class)
                .hasNoCause(); // it waited inside this process, behind the holder thread
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
    }

    @Test
    void writesUnderTheLockStandWhenTheActionThrows() {
        JdbcTokenStore store = store(SharedPostgres.dataSource(), SharedPostgres.freshKey(), Duration.ofSeconds(5));
        store.save(PAIR);
        // What the SDK does on invalid_grant: compare-and-clear, then throw.
        assertThatThrownBy(() -> store.withRefreshLock(() -> {
            assertThat(store.clearIfCurrent(PAIR)).isTrue();
            throw new LoginRequiredException(LoginRequiredException.Reason.REFRESH_TOKEN_REJECTED, "log in again");
        })).isInstanceOf(LoginRequiredException.class);
        assertThat(store.load()).isEmpty();
    }

    @Test
    void aHolderWhoseSessionDiesLosesTheLockAndItsUncommittedWrites() throws Exception {
        JdbcTokenStore holder = store(SharedPostgres.newPool(2), SharedPostgres.freshKey(), Duration.ofSeconds(30));
        holder.save(PAIR);
        OAuthTokens rotated = OAuthTokens.of("access-lock-2", "refresh-lock-2", null, null, List.of());
        CountDownLatch saved = new CountDownLatch(1);
        Future<Object> dying = pool.submit(() -> holder.withRefreshLock(() -> {
            holder.save(rotated);
            saved.countDown();
            awaitRelease();
            return null;
        }));
        assertThat(saved.await(30, TimeUnit.SECONDS)).isTrue();
        // The instance vanishes: PostgreSQL ends its session (as when its machine dies) and releases the row lock.
        terminateSessionsLocking(holder.key());

        JdbcTokenStore next = store(SharedPostgres.dataSource(), holder.key(), Duration.ofSeconds(30));
        assertThat(next.withRefreshLock(() -> next.load())).contains(PAIR);
        release.countDown();
        assertThatThrownBy(() -> dying.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TokenStoreException.class)
                .cause().hasMessageContaining("commit");
        assertThat(next.load()).contains(PAIR);
    }

    private Future<?> holdLock(JdbcTokenStore store) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        Future<?> held = pool.submit(() -> store.withRefreshLock(() -> {
            entered.countDown();
            awaitRelease();
            return null;
        }));
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("lock taken").isTrue();
        return held;
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void terminateSessionsLocking(String key) throws Exception {
        try (Connection c = SharedPostgres.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE state = 'idle in transaction' AND pid <> pg_backend_pid()"
                     + " AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'transactionid')")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a session holding a lock").isTrue();
            }
        }
    }

    private static JdbcTokenStore store(DataSource ds, String key, Duration lockTimeout) {
        return JdbcTokenStore.builder(ds).key(key).lockTimeout(lockTimeout).build();
    }

}
