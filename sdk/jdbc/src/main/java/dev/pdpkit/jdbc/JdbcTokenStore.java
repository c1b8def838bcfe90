package dev.pdpkit.jdbc;

import dev.pdpkit.jdbc.internal.KeyLocks;
import dev.pdpkit.jdbc.internal.Sql;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.oauth.TokenStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A {@link TokenStore} in a SQL table ({@code pdpkit_oauth_tokens}, see {@link JdbcSchema}) that every instance of an
 * application shares, one token pair per principal key: an application acting for many users or workspaces holds one
 * store per key, all views over one table.
 *
 * <pre>{@code
 * JdbcTokenStore tokens = JdbcTokenStore.builder(dataSource)
 *         .encryption(AtRestEncryption.withKey("2026-06", key))   // optional
 *         .build();
 * PrismaOAuth forUser = PrismaOAuth.builder().clientId("my-app").tokenStore(tokens.forKey("user-42")).build();
 * }</pre>
 *
 * <p>How the refresh lock works: {@link #withRefreshLock} first queues behind other threads of this process on the
 * same data source and key, then opens a READ COMMITTED transaction, creates the key's row if missing and locks it
 * with {@code SELECT ... FOR UPDATE}. The row lock holds across instances and is released by PostgreSQL when the
 * transaction ends, also when the holder's connection dies. Reads and writes the action makes run in that transaction
 * and are committed when the action returns or throws. Every lock wait, in this process and in the database
 * ({@code SET LOCAL lock_timeout}), is bounded by the lock timeout and ends in a {@link TokenLockTimeoutException}.
 * Writes outside the refresh lock wait for it too (they lock the row), which makes {@link #clearIfCurrent} atomic.
 *
 * <p>The store runs its own short transactions: give it the connection pool itself, not a transaction-aware proxy
 * that would hand it the connection of the application's current transaction. Threads share the in-process queue when their stores use the same {@code DataSource} object; stores over
 * different {@code DataSource} objects coordinate through the database only, so a thread inside the refresh lock
 * must write through the store that holds it (through another it would wait for itself until the lock timeout).
 * While the action runs (typically one token request) its transaction is open: PostgreSQL's
 * {@code idle_in_transaction_session_timeout}, if set, must be longer than a token request may take. {@link #clear()}
 * empties the row instead of deleting it. Keys are stored in clear: use user or workspace ids, never a secret such as
 * a session cookie. Thread-safe; {@link #toString()} shows the key, never a token.
 */
public final class JdbcTokenStore implements TokenStore {
    /** The key {@link Builder#build()} uses when none is given. */
    public static final String DEFAULT_KEY = "default";
    private static final int MAX_KEY_LENGTH = 255;

    private final DataSource dataSource;
    private final String key;
    private final AtRestEncryption encryption;
    private final Duration lockTimeout;
    private final TokenRows rows;
    private final KeyLocks.Id lockId;

    private JdbcTokenStore(DataSource dataSource, String key, AtRestEncryption encryption, Duration lockTimeout) {
        this.dataSource = dataSource;
        this.key = checkKey(key);
        this.encryption = encryption;
        this.lockTimeout = lockTimeout;
        this.rows = new TokenRows(encryption);
        this.lockId = new KeyLocks.Id(dataSource, key);
    }

    /**
     * @param dataSource where the {@code pdpkit_oauth_tokens} table lives; a pooled one in production
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * @param otherKey another principal's key (1 to 255 characters)
     * @return a store for that key over the same table, with the same encryption and lock timeout
     * @throws IllegalArgumentException if the key is empty or too long
     */
    public JdbcTokenStore forKey(String otherKey) {
        return new JdbcTokenStore(dataSource, otherKey, encryption, lockTimeout);
    }

    /** @return the principal key this store reads and writes */
    public String key() {
        return key;
    }

    @Override
    public Optional<OAuthTokens> load() {
        return run("read the tokens", c -> rows.read(c, key, false), false);
    }

    @Override
    public void save(OAuthTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        run("save the tokens", c -> {
            rows.write(c, key, tokens);
            return null;
        }, true);
    }

    @Override
    public void clear() {
        run("clear the tokens", c -> {
            rows.empty(c, key);
            return null;
        }, true);
    }

    @Override
    public boolean clearIfCurrent(OAuthTokens expected) {
        return run("clear the tokens", c -> {
            Optional<OAuthTokens> current = rows.read(c, key, true);
            if (current.isPresent() && current.get().samePair(expected)) {
                rows.empty(c, key);
                return true;
            }
            return false;
        }, true);
    }

    /**
     * {@inheritDoc}
     *
     * @throws TokenLockTimeoutException if the lock was not obtained within the lock timeout
     * @throws TokenStoreException if the database fails, or the writes made by the action cannot be committed
     */
    @Override
    public <T> T withRefreshLock(Supplier<T> action) {
        return withRefreshLock(lockTimeout, action);
    }

    /**
     * Like {@link #withRefreshLock(Supplier)}, but waits for the lock at most {@code timeout} (and never longer than
     * the store's lock timeout), so that a caller's time budget bounds the wait for a refresh running elsewhere.
     *
     * @param timeout the longest wait for the lock
     * @param action what to run; its exceptions propagate unchanged
     * @param <T> the result type
     * @return the action's result
     * @throws TokenLockTimeoutException if the lock was not obtained in time; the action did not run
     * @throws TokenStoreException if the database fails, or the writes made by the action cannot be committed
     */
    @Override
    public <T> T withRefreshLock(Duration timeout, Supplier<T> action) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(action, "action");
        if (KeyLocks.heldByCurrentThread(lockId) != null) {
            return action.get(); // the SDK never nests; a caller who does is already inside the lock
        }
        Duration wait = timeout.compareTo(lockTimeout) < 0 ? timeout : lockTimeout;
        long deadline = System.nanoTime() + wait.toNanos();
        KeyLocks.Entry entry;
        try {
            entry = KeyLocks.tryLock(lockId, wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException(TokenStoreException.Reason.IO,
                    "interrupted while waiting for the refresh lock of key '" + key + "'", e);
        }
        if (entry == null) {
            throw new TokenLockTimeoutException(key, wait, null);
        }
        try {
            return underRowLock(entry, deadline, wait, action);
        } finally {
            KeyLocks.unlock(lockId, entry);
        }
    }

    private <T> T underRowLock(KeyLocks.Entry entry, long deadline, Duration wait, Supplier<T> action) {
        Connection c = open();
        try {
            try {
                Sql.setLockTimeout(c, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
                rows.lock(c, key);
            } catch (SQLException e) {
                Sql.rollbackQuietly(c, e);
                throw failure("lock the tokens", e, wait);
            }
            entry.bind(c);
            T result;
            try {
                result = action.get();
            } catch (RuntimeException | Error e) {
                entry.bind(null);
                // What the action wrote stands (a compare-and-clear before a LoginRequiredException, for example).
                commitAfterFailure(c, e);
                throw e;
            }
            entry.bind(null);
            try {
                c.commit();
            } catch (SQLException e) {
                Sql.rollbackQuietly(c, e);
                throw failure("commit the writes made under the refresh lock", e, lockTimeout);
            }
            return result;
        } finally {
            entry.bind(null);
            close(c);
        }
    }

    private static void commitAfterFailure(Connection c, Throwable failure) {
        try {
            c.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
            Sql.rollbackQuietly(c, failure);
        }
    }

    private Connection open() {
        try {
            return Sql.begin(dataSource);
        } catch (SQLException e) {
            throw failure("open a connection", e, lockTimeout);
        }
    }

    private static void close(Connection c) {
        Sql.end(c);
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to release: the pool or the server drops the connection
        }
    }

    /** Runs {@code work} in the refresh lock's transaction when this thread holds it, else on its own connection. */
    private <T> T run(String what, Sql.Work<T> work, boolean write) {
        KeyLocks.Entry held = KeyLocks.heldByCurrentThread(lockId);
        try {
            if (held != null && held.connection() != null) {
                return work.run(held.connection());
            }
            return write ? Sql.inTransaction(dataSource, lockTimeout.toMillis(), work)
                    : Sql.autoCommit(dataSource, work);
        } catch (SQLException e) {
            throw failure(what, e, lockTimeout);
        }
    }

    private TokenStoreException failure(String what, SQLException e, Duration waited) {
        if (Sql.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
            return new TokenLockTimeoutException(key, waited, e);
        }
        return new TokenStoreException(TokenStoreException.Reason.IO, "cannot " + what + " of key '" + key + "' in "
                + TokenRows.TABLE + " (SQLSTATE " + e.getSQLState() + ")", e);
    }

    private static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a principal key is 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[key=" + key + ", encryption=" + (encryption == null ? "none" : encryption.currentKeyId())
                + ", lockTimeout=" + lockTimeout + "]";
    }

    /** Settings of a {@link JdbcTokenStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String key = DEFAULT_KEY;
        private AtRestEncryption encryption;
        private Duration lockTimeout = Duration.ofSeconds(15);

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * @param key the principal key of the built store, default {@value #DEFAULT_KEY}; other keys via
         *     {@link JdbcTokenStore#forKey}
         * @return this builder
         */
        public Builder key(String key) {
            this.key = checkKey(key);
            return this;
        }

        /**
         * @param encryption encrypts access and refresh tokens at rest; null (the default) stores them in clear
         * @return this builder
         */
        public Builder encryption(AtRestEncryption encryption) {
            this.encryption = encryption;
            return this;
        }

        /**
         * @param timeout the longest wait for the refresh lock or a locked row, default 15 seconds; then a
         *     {@link TokenLockTimeoutException} is thrown
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder lockTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the lock timeout must be positive");
            }
            this.lockTimeout = timeout;
            return this;
        }

        /** @return the store for the configured key */
        public JdbcTokenStore build() {
            return new JdbcTokenStore(dataSource, key, encryption, lockTimeout);
        }
    }
}
