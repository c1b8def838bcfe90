package dev.pdpkit.examples.claimboot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Successful claims, remembered in the shared database so that revisiting the callback URL (reload, back button, a
 * bookmark) shows the success again on any instance. A row is keyed by hashes of the browser's claim cookie and of
 * the callback's {@code state}: only the browser that completed the claim, with that very callback URL, finds it;
 * anyone else falls through to {@code ClaimFlow}, which refuses the replay without sending anything.
 */
@Component
class ClaimOutcomes {
    static final Duration KEPT = Duration.ofDays(1);
    private static final String TABLE = "claim_boot_outcome";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClaimOutcomes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        try {
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (session_key CHAR(64) NOT NULL,"
                    + " state_key CHAR(64) NOT NULL, project_id TEXT NOT NULL, name TEXT NOT NULL, region TEXT,"
                    + " created_at TIMESTAMPTZ, expires_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (session_key, state_key))");
        } catch (DataAccessException e) {
            // Two instances starting together may race on CREATE TABLE; the loser sees the winner's table.
            jdbc.queryForObject("SELECT count(*) FROM " + TABLE + " WHERE false", Long.class);
        }
    }

    void remember(String session, String state, DatabaseSummary db) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM " + TABLE + " WHERE expires_at < ?", Timestamp.from(now));
        jdbc.update("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", hash(session),
                hash(state), db.id(), db.name(), db.region(),
                db.createdAt() == null ? null : Timestamp.from(db.createdAt()), Timestamp.from(now.plus(KEPT)));
    }

    Optional<DatabaseSummary> recall(String session, String state) {
        if (session == null || state == null) {
            return Optional.empty();
        }
        List<DatabaseSummary> rows = jdbc.query("SELECT project_id, name, region, created_at FROM " + TABLE
                        + " WHERE session_key = ? AND state_key = ? AND expires_at > ?",
                (rs, i) -> new DatabaseSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                hash(session), hash(state), Timestamp.from(clock.instant()));
        return rows.stream().findFirst();
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
