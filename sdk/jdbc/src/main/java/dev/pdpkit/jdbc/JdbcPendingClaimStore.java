package dev.pdpkit.jdbc;

import dev.pdpkit.jdbc.internal.Hashes;
import dev.pdpkit.jdbc.internal.Sql;
import dev.pdpkit.oauth.claim.PendingClaim;
import dev.pdpkit.oauth.claim.PendingClaimStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link PendingClaimStore} in the table {@code pdpkit_pending_claims} (see {@link JdbcSchema}), so the "Claim it"
 * request and the callback may reach different instances behind a load balancer with no sticky sessions.
 *
 * <ul>
 *   <li>The session key is stored as its SHA-256, never in clear.</li>
 *   <li>{@link #take} is one {@code DELETE ... RETURNING}: across all instances, at most one caller gets a claim.</li>
 *   <li>With {@link Builder#encryption} the claim (it holds the PKCE verifier and the state) is encrypted at rest.</li>
 *   <li>Expired claims are never returned; they are purged as new claims are saved.</li>
 * </ul>
 * Thread-safe.
 */
public final class JdbcPendingClaimStore implements PendingClaimStore {
    private static final String TABLE = "pdpkit_pending_claims";
    private static final String UPSERT = "INSERT INTO " + TABLE + " (session_hash, claim, key_id, expires_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (session_hash) DO UPDATE SET claim = EXCLUDED.claim,"
            + " key_id = EXCLUDED.key_id, expires_at = EXCLUDED.expires_at";
    private static final String PURGE = "DELETE FROM " + TABLE + " WHERE expires_at <= ?";
    private static final String TAKE = "DELETE FROM " + TABLE + " WHERE session_hash = ?"
            + " RETURNING claim, key_id, expires_at";

    private final DataSource dataSource;
    private final AtRestEncryption encryption;
    private final Clock clock;

    private JdbcPendingClaimStore(Builder b) {
        this.dataSource = b.dataSource;
        this.encryption = b.encryption;
        this.clock = b.clock;
    }

    /**
     * @param dataSource where the {@code pdpkit_pending_claims} table lives
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws JdbcStoreException if the database fails
     */
    @Override
    public void save(String key, PendingClaim claim) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(claim, "claim");
        String hash = Hashes.sha256Hex(key);
        String encoded = claim.encode();
        try {
            Sql.autoCommit(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                    ps.setString(1, hash);
                    ps.setString(2, encryption == null ? encoded : encryption.seal(encoded, TABLE + ":" + hash));
                    ps.setString(3, encryption == null ? null : encryption.currentKeyId());
                    ps.setObject(4, Sql.timestamp(claim.expiresAt()));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(PURGE)) {
                    ps.setObject(1, Sql.timestamp(clock.instant()));
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot save the pending claim in " + TABLE + " (SQLSTATE "
                    + e.getSQLState() + ")", e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws JdbcStoreException if the database fails, or the claim cannot be decrypted or decoded (it is removed
     *     all the same)
     */
    @Override
    public Optional<PendingClaim> take(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String hash = Hashes.sha256Hex(key);
        Instant now = clock.instant();
        try {
            return Sql.autoCommit(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(TAKE)) {
                    ps.setString(1, hash);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || !now.isBefore(Sql.instant(rs, 3))) {
                            return Optional.empty();
                        }
                        return Optional.of(decode(rs.getString(1), rs.getString(2), hash));
                    }
                }
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot take the pending claim from " + TABLE + " (SQLSTATE "
                    + e.getSQLState() + ")", e);
        }
    }

    private PendingClaim decode(String stored, String keyId, String hash) {
        try {
            String encoded = stored;
            if (keyId != null) {
                if (encryption == null) {
                    throw new IllegalArgumentException("it is encrypted with key id " + keyId
                            + " but this store has no encryption configured");
                }
                encoded = encryption.open(keyId, stored, TABLE + ":" + hash).orElseThrow(() ->
                        new IllegalArgumentException("it is encrypted with key id " + keyId + ", not configured"));
            }
            return PendingClaim.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new JdbcStoreException("the pending claim in " + TABLE + " cannot be read: " + e.getMessage(), null);
        }
    }

    @Override
    public String toString() {
        return "JdbcPendingClaimStore[table=" + TABLE + ", encryption="
                + (encryption == null ? "none" : encryption.currentKeyId()) + "]";
    }

    /** Settings of a {@link JdbcPendingClaimStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private AtRestEncryption encryption;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * @param encryption encrypts claims at rest; null (the default) stores them in clear
         * @return this builder
         */
        public Builder encryption(AtRestEncryption encryption) {
            this.encryption = encryption;
            return this;
        }

        /**
         * @param clock decides expiry, the same clock as the {@code ClaimFlow}'s; default the system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the store */
        public JdbcPendingClaimStore build() {
            return new JdbcPendingClaimStore(this);
        }
    }
}
