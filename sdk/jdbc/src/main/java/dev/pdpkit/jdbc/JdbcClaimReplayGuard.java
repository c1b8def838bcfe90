package dev.pdpkit.jdbc;

import dev.pdpkit.jdbc.internal.Hashes;
import dev.pdpkit.jdbc.internal.Sql;
import dev.pdpkit.oauth.claim.ClaimReplayGuard;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link ClaimReplayGuard} in the table {@code pdpkit_claim_replay} (see {@link JdbcSchema}), shared by every
 * instance that completes claims: the first use of a claim inserts its row ({@code INSERT ... ON CONFLICT DO
 * NOTHING}), every later use, on any instance, finds it. Rows are purged five minutes after their claim expired (the
 * margin absorbs clock differences between instances; {@code ClaimFlow} refuses expired claims before it asks the
 * guard). Thread-safe.
 *
 * <pre>{@code
 * ClaimFlow flow = ClaimFlow.builder()...replayGuard(new JdbcClaimReplayGuard(dataSource)).build();
 * }</pre>
 */
public final class JdbcClaimReplayGuard implements ClaimReplayGuard {
    private static final String TABLE = "pdpkit_claim_replay";
    private static final Duration PURGE_GRACE = Duration.ofMinutes(5);
    private static final String PURGE = "DELETE FROM " + TABLE + " WHERE expires_at < ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (claim_key, expires_at) VALUES (?, ?)"
            + " ON CONFLICT (claim_key) DO NOTHING";

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * @param dataSource where the {@code pdpkit_claim_replay} table lives
     */
    public JdbcClaimReplayGuard(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /**
     * @param dataSource where the {@code pdpkit_claim_replay} table lives
     * @param clock decides when records can be purged
     */
    public JdbcClaimReplayGuard(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public boolean firstUse(String key, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // Keys from ClaimFlow are already hashes; hashing again gives every key the column's fixed length.
        String stored = Hashes.sha256Hex(key);
        try {
            return Sql.autoCommit(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(PURGE)) {
                    ps.setObject(1, Sql.timestamp(clock.instant().minus(PURGE_GRACE)));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setString(1, stored);
                    ps.setObject(2, Sql.timestamp(expiresAt));
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot record the claim's use in " + TABLE + " (SQLSTATE "
                    + e.getSQLState() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcClaimReplayGuard[table=" + TABLE + "]";
    }
}
