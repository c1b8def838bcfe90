package dev.pdpkit.examples.claimboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DatabaseSummaryTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Berlin"));

    private static DatabaseSummary createdAgo(Duration age, String region) {
        return new DatabaseSummary("cmp1", "shop-db", region, NOW.minus(age));
    }

    @Test
    void recentDatabasesReadAsAnAgeAndAKnownRegionAsItsCity() {
        assertThat(createdAgo(Duration.ofMinutes(3), "eu-central-1").sentence(CLOCK))
                .isEqualTo("shop-db in Frankfurt (eu-central-1), created 3 minutes ago");
        assertThat(createdAgo(Duration.ofSeconds(5), "us-east-1").sentence(CLOCK))
                .isEqualTo("shop-db in N. Virginia (us-east-1), created just now");
        assertThat(createdAgo(Duration.ofHours(1), "xx-new-9").sentence(CLOCK))
                .isEqualTo("shop-db in xx-new-9, created 1 hour ago");
        assertThat(createdAgo(Duration.ofDays(2), null).sentence(CLOCK))
                .isEqualTo("shop-db in an unknown region, created 2 days ago");
    }

    @Test
    void olderDatabasesReadAsALocalDate() {
        DatabaseSummary old = new DatabaseSummary("cmp1", "shop-db", "eu-west-3", Instant.parse("2026-01-05T09:30:00Z"));
        assertThat(old.sentence(CLOCK)).startsWith("shop-db in Paris (eu-west-3), created on Jan 5, 2026")
                .contains("10:30").doesNotContain("2026-01-05T");
    }
}
