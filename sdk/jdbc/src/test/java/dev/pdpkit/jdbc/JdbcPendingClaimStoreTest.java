package dev.pdpkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.fixtures.ManualClock;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.oauth.claim.PendingClaim;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pending claims in PostgreSQL: taken once across instances, expired ones never returned, secrets not in clear. */
class JdbcPendingClaimStoreTest {
    private final ManualClock clock = new ManualClock();
    private final PrismaManagement partner = PrismaManagement.builder().baseUrl("http://127.0.0.1:9")
            .serviceToken("svc-token-value").build();
    private final ClaimFlow flow = ClaimFlow.builder().clientId("partner").clientSecret("secret-value")
            .issuer("http://127.0.0.1:9").redirectUri("https://partner.example/claim/callback").partnerClient(partner)
            .discovery(false).clock(clock).claimLifetime(Duration.ofMinutes(10)).build();
    private final JdbcPendingClaimStore store = store(SharedPostgres.dataSource(), null);

    @AfterEach
    void close() {
        partner.close();
    }

    @Test
    void aClaimIsTakenOnceThenGone() {
        String session = "session-" + UUID.randomUUID();
        PendingClaim claim = flow.start("proj_1");
        store.save(session, claim);
        PendingClaim taken = store.take(session).orElseThrow();
        assertThat(taken.encode()).isEqualTo(claim.encode());
        assertThat(store.take(session)).isEmpty();
        assertThat(store.take(null)).isEmpty();
        assertThat(store.take("never-saved")).isEmpty();
    }

    @Test
    void saveReplacesTheSessionsClaim() {
        String session = "session-" + UUID.randomUUID();
        store.save(session, flow.start("proj_1"));
        store.save(session, flow.start("proj_2"));
        assertThat(store.take(session).map(PendingClaim::projectId)).contains("proj_2");
    }

    @Test
    void instancesRacingForOneClaimGiveItToExactlyOne() throws Exception {
        DataSource other = SharedPostgres.newPool(4);
        List<JdbcPendingClaimStore> instances = List.of(store, store(other, null));
        for (int round = 0; round < 10; round++) {
            String session = "session-" + UUID.randomUUID();
            store.save(session, flow.start("proj_" + round));
            int winners = Race.winners(8, i -> () -> instances.get(i % 2).take(session).isPresent());
            assertThat(winners).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void expiredClaimsAreNotReturnedAndArePurged() throws Exception {
        String session = "session-" + UUID.randomUUID();
        store.save(session, flow.start("proj_1"));
        clock.advance(Duration.ofMinutes(11));
        assertThat(store.take(session)).isEmpty();

        String stale = "session-" + UUID.randomUUID();
        store.save(stale, flow.start("proj_2"));
        clock.advance(Duration.ofMinutes(11));
        store.save("session-" + UUID.randomUUID(), flow.start("proj_3")); // purges what expired
        assertThat(count("SELECT count(*) FROM pdpkit_pending_claims WHERE session_hash = '"
                + dev.pdpkit.jdbc.internal.Hashes.sha256Hex(stale) + "'")).isZero();
    }

    @Test
    void neitherTheSessionKeyNorTheClaimIsStoredInClearWhenEncrypted() throws Exception {
        JdbcPendingClaimStore encrypted = store(SharedPostgres.dataSource(),
                AtRestEncryption.withKey("claims-1", TokenEncryptionTest.newKey()));
        String session = "session-" + UUID.randomUUID();
        PendingClaim claim = flow.start("proj_secret");
        encrypted.save(session, claim);
        assertThat(count("SELECT count(*) FROM pdpkit_pending_claims WHERE session_hash = '" + session
                + "' OR claim LIKE '%" + claim.encode().substring(0, 40) + "%'")).isZero();
        assertThat(encrypted.take(session).map(PendingClaim::projectId)).contains("proj_secret");

        encrypted.save(session, claim);
        assertThatThrownBy(() -> store.take(session)).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("no encryption configured");
        assertThat(encrypted.toString()).contains("claims-1");
    }

    private JdbcPendingClaimStore store(DataSource ds, AtRestEncryption encryption) {
        return JdbcPendingClaimStore.builder(ds).clock(clock).encryption(encryption).build();
    }

    static long count(String sql) throws Exception {
        try (Connection c = SharedPostgres.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
