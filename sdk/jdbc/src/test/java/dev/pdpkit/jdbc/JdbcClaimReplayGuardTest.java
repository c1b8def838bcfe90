package dev.pdpkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.fixtures.ManualClock;
import dev.pdpkit.jdbc.internal.Hashes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The replay guard in PostgreSQL: first use wins once across instances; records go once their claim expired. */
class JdbcClaimReplayGuardTest {
    private final ManualClock clock = new ManualClock();
    private final JdbcClaimReplayGuard guard = new JdbcClaimReplayGuard(SharedPostgres.dataSource(), clock);
    private final JdbcClaimReplayGuard otherInstance = new JdbcClaimReplayGuard(SharedPostgres.newPool(4), clock);

    @Test
    void firstUseIsTrueOnceAcrossInstances() {
        String key = "claim-" + UUID.randomUUID();
        Instant expires = clock.instant().plus(Duration.ofMinutes(10));
        assertThat(guard.firstUse(key, expires)).isTrue();
        assertThat(otherInstance.firstUse(key, expires)).isFalse();
        assertThat(guard.firstUse(key, expires)).isFalse();
        assertThat(otherInstance.firstUse("claim-" + UUID.randomUUID(), expires)).isTrue();
    }

    @Test
    void concurrentCallbacksOnTwoInstancesHaveOneWinner() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = "claim-" + UUID.randomUUID();
            int winners = Race.winners(8, i -> () -> (i % 2 == 0 ? guard : otherInstance)
                    .firstUse(key, clock.instant().plusSeconds(600)));
            assertThat(winners).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void recordsArePurgedFiveMinutesAfterTheirClaimExpired() throws Exception {
        String key = "claim-" + UUID.randomUUID();
        guard.firstUse(key, clock.instant().plus(Duration.ofMinutes(10)));
        String row = "SELECT count(*) FROM pdpkit_claim_replay WHERE claim_key = '" + Hashes.sha256Hex(key) + "'";
        assertThat(JdbcPendingClaimStoreTest.count(row)).isEqualTo(1);
        assertThat(JdbcPendingClaimStoreTest.count("SELECT count(*) FROM pdpkit_claim_replay WHERE claim_key = '"
                + key + "'")).as("stored hashed").isZero();

        clock.advance(Duration.ofMinutes(14));
        guard.firstUse("claim-" + UUID.randomUUID(), clock.instant().plusSeconds(600));
        assertThat(JdbcPendingClaimStoreTest.count(row)).as("kept within the grace period").isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        guard.firstUse("claim-" + UUID.randomUUID(), clock.instant().plusSeconds(600));
        assertThat(JdbcPendingClaimStoreTest.count(row)).isZero();
    }
}
