package dev.pdpkit.jdbc;

import dev.pdpkit.jdbc.internal.Sql;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The SQL of {@code pdpkit_oauth_tokens} and the mapping of one row to {@link OAuthTokens}, with encryption. */
final class TokenRows {
    static final String TABLE = "pdpkit_oauth_tokens";
    private static final String SELECT = "SELECT access_token, refresh_token, expires_at, workspace_id, scopes, key_id"
            + " FROM " + TABLE + " WHERE principal_key = ?";
    private static final String UPSERT = "INSERT INTO " + TABLE + " (principal_key, access_token, refresh_token,"
            + " expires_at, workspace_id, scopes, key_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)"
            + " ON CONFLICT (principal_key) DO UPDATE SET access_token = EXCLUDED.access_token,"
            + " refresh_token = EXCLUDED.refresh_token, expires_at = EXCLUDED.expires_at,"
            + " workspace_id = EXCLUDED.workspace_id, scopes = EXCLUDED.scopes, key_id = EXCLUDED.key_id,"
            + " updated_at = EXCLUDED.updated_at";
    private static final String EMPTY = "UPDATE " + TABLE + " SET access_token = NULL, refresh_token = NULL,"
            + " expires_at = NULL, workspace_id = NULL, scopes = NULL, key_id = NULL, updated_at = CURRENT_TIMESTAMP"
            + " WHERE principal_key = ?";
    private static final String ENSURE = "INSERT INTO " + TABLE + " (principal_key) VALUES (?)"
            + " ON CONFLICT (principal_key) DO NOTHING";
    private static final String LOCK = "SELECT 1 FROM " + TABLE + " WHERE principal_key = ? FOR UPDATE";

    private final AtRestEncryption encryption; // null: tokens in clear

    TokenRows(AtRestEncryption encryption) {
        this.encryption = encryption;
    }

    Optional<OAuthTokens> read(Connection c, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(forUpdate ? SELECT + " FOR UPDATE" : SELECT)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                String keyId = rs.getString(6);
                String access = reveal(rs.getString(1), keyId, key, "access_token");
                String refresh = reveal(rs.getString(2), keyId, key, "refresh_token");
                List<String> scopes = rs.getString(5) == null ? List.of()
                        : Arrays.stream(rs.getString(5).split(" ")).filter(s -> !s.isEmpty())
                        .collect(Collectors.toList());
                try {
                    return Optional.of(OAuthTokens.of(access, refresh, Sql.instant(rs, 3), rs.getString(4), scopes));
                } catch (IllegalArgumentException e) {
                    throw corrupt(key, "holds an empty token");
                }
            }
        }
    }

    void write(Connection c, String key, OAuthTokens tokens) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, key);
            ps.setString(2, hide(tokens.accessToken(), key, "access_token"));
            ps.setString(3, tokens.refreshToken().map(r -> hide(r, key, "refresh_token")).orElse(null));
            if (tokens.expiresAt().isPresent()) {
                ps.setObject(4, Sql.timestamp(tokens.expiresAt().get()));
            } else {
                ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            ps.setString(5, tokens.workspaceId().orElse(null));
            // Scope tokens cannot contain spaces (RFC 6749 section 3.3), so a space keeps them and their order.
            ps.setString(6, String.join(" ", tokens.scopes()));
            ps.setString(7, encryption == null ? null : encryption.currentKeyId());
            ps.executeUpdate();
        }
    }

    void empty(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EMPTY)) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /**
     * Takes the row lock of {@code key} in the connection's transaction, creating an empty row first if there is
     * none, so that a lock exists before any tokens do.
     */
    void lock(Connection c, String key) throws SQLException {
        // A row deleted by hand between the insert and the lock is re-created; three rounds are plenty.
        for (int round = 0; round < 3; round++) {
            try (PreparedStatement ensure = c.prepareStatement(ENSURE)) {
                ensure.setString(1, key);
                ensure.executeUpdate();
            }
            try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                lock.setString(1, key);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
        }
        throw new SQLException("the row of key '" + key + "' keeps disappearing");
    }

    private String hide(String secret, String key, String column) {
        return encryption == null ? secret : encryption.seal(secret, TABLE + "." + column + ":" + key);
    }

    private String reveal(String stored, String keyId, String key, String column) {
        if (stored == null || keyId == null) {
            return stored; // stored in clear, e.g. before encryption was turned on: read it, encrypt on next write
        }
        if (encryption == null) {
            throw corrupt(key, "is encrypted with key id " + keyId + " but this store has no encryption configured");
        }
        try {
            return encryption.open(keyId, stored, TABLE + "." + column + ":" + key)
                    .orElseThrow(() -> corrupt(key, "is encrypted with key id " + keyId + ", which is not configured"));
        } catch (IllegalArgumentException e) {
            throw corrupt(key, e.getMessage());
        }
    }

    private static TokenStoreException corrupt(String key, String what) {
        return new TokenStoreException(TokenStoreException.Reason.CORRUPT, "the token row of key '" + key + "' in "
                + TABLE + " " + what, null);
    }
}
