package dev.pdpkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/** Connection and transaction handling shared by the stores. */
public final class Sql {
    /** SQLSTATE {@code lock_not_available}: PostgreSQL's {@code lock_timeout} elapsed. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private Sql() {
    }

    /**
     * Work on a connection.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection
         * @return the result
         * @throws SQLException if a statement fails
         */
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection of its own in auto-commit mode.
     *
     * @param dataSource where the connection comes from
     * @param work what to run
     * @param <T> the result type
     * @return the work's result
     * @throws SQLException if a statement or the connection fails
     */
    public static <T> T autoCommit(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        }
    }

    /**
     * Runs {@code work} in a READ COMMITTED transaction whose lock waits are bounded, and commits it; rolls back if
     * anything fails.
     *
     * @param dataSource where the connection comes from
     * @param lockTimeoutMillis the longest wait for any lock in the transaction
     * @param work what to run
     * @param <T> the result type
     * @return the work's result
     * @throws SQLException if a statement, the commit or the connection fails
     */
    public static <T> T inTransaction(DataSource dataSource, long lockTimeoutMillis, Work<T> work)
            throws SQLException {
        try (Connection c = begin(dataSource)) {
            try {
                setLockTimeout(c, lockTimeoutMillis);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                end(c);
            }
        }
    }

    /**
     * Opens a connection and starts a READ COMMITTED transaction on it: every statement sees the latest committed
     * rows, which is what a lock holder re-reading the store needs.
     *
     * @param dataSource where the connection comes from
     * @return the connection, auto-commit off; finish it with {@link #end} and close it
     * @throws SQLException if the connection fails
     */
    public static Connection begin(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Puts a connection from {@link #begin} back in auto-commit mode; a failure only means the pool will discard it.
     *
     * @param c the connection
     */
    public static void end(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; closing it is all that is left
        }
    }

    /**
     * Bounds lock waits for the rest of the current transaction ({@code SET LOCAL lock_timeout}).
     *
     * @param c a connection in a transaction
     * @param millis the longest wait, at least 1 ms (0 would mean no limit)
     * @throws SQLException if the setting fails
     */
    public static void setLockTimeout(Connection c, long millis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            ps.setString(1, Long.toString(Math.max(1, millis)));
            ps.executeQuery().close();
        }
    }

    /**
     * Rolls back, recording a failure of the rollback on {@code cause} instead of hiding it.
     *
     * @param c the connection
     * @param cause the failure that made the rollback necessary
     */
    public static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * @param instant a point in time, or null
     * @return it as a {@code TIMESTAMP WITH TIME ZONE} parameter (microsecond precision, PostgreSQL's), or null
     */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC);
    }

    /**
     * Reads a {@code TIMESTAMP WITH TIME ZONE} column.
     *
     * @param rs the result set, on a row
     * @param column the column's index
     * @return the instant, or null
     * @throws SQLException if the column cannot be read
     */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
