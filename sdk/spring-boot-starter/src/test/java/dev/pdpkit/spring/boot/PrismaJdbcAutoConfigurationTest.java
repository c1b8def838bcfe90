package dev.pdpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.fixtures.postgres.LocalPostgres;
import dev.pdpkit.jdbc.JdbcClaimReplayGuard;
import dev.pdpkit.jdbc.JdbcPendingClaimStore;
import dev.pdpkit.jdbc.JdbcTokenStore;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.TokenStore;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.oauth.claim.ClaimReplayGuard;
import dev.pdpkit.oauth.claim.PendingClaim;
import dev.pdpkit.oauth.claim.PendingClaimStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The pdpkit-jdbc stores on a real PostgreSQL: two application contexts, each with a DataSource of its own as two
 * instances behind a load balancer would have, share tokens, pending claims and used states.
 */
class PrismaJdbcAutoConfigurationTest extends EmulatorBacked {
    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private static DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgres.jdbcUrl("postgres"));
        ds.setUser(postgres.user());
        ds.setPassword(postgres.password());
        return ds;
    }

    private ApplicationContextRunner instance() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PrismaJdbcAutoConfiguration.class,
                        PrismaOAuthAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withBean(DataSource.class, PrismaJdbcAutoConfigurationTest::dataSource)
                .withPropertyValues("pdpkit.base-url=" + emulator.baseUrl(),
                        "pdpkit.service-token=" + emulator.partnerServiceToken(),
                        "pdpkit.oauth.client-id=" + PrismaEmulator.PARTNER_CLIENT_ID,
                        "pdpkit.oauth.client-secret=" + emulator.partnerClient().clientSecret(),
                        "pdpkit.oauth.redirect-uri=http://127.0.0.1/callback",
                        "pdpkit.oauth.issuer=" + emulator.issuerUrl(),
                        "pdpkit.oauth.token-store=jdbc", "pdpkit.oauth.token-key=user-42",
                        "pdpkit.claim.store=jdbc", "pdpkit.jdbc.initialize-schema=true",
                        "pdpkit.jdbc.encryption-key-id=k1",
                        "pdpkit.jdbc.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Test
    void twoInstancesShareTokensPendingClaimsAndUsedStates() {
        String cookie = UUID.randomUUID().toString();
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
        instance().run(a -> instance().run(b -> {
            assertThat(a.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(a.getBean(PendingClaimStore.class)).isInstanceOf(JdbcPendingClaimStore.class);
            assertThat(a.getBean(ClaimReplayGuard.class)).isInstanceOf(JdbcClaimReplayGuard.class);

            a.getBean(TokenStore.class).save(OAuthTokens.of("access-1", "refresh-1", expires, "wksp_1", List.of()));
            assertThat(b.getBean(TokenStore.class).load()).map(OAuthTokens::accessToken).hasValue("access-1");

            PendingClaim started = a.getBean(ClaimFlow.class).start("proj_1");
            a.getBean(PendingClaimStore.class).save(cookie, started);
            assertThat(b.getBean(PendingClaimStore.class).take(cookie))
                    .map(p -> p.authorizationUrl().toString()).hasValue(started.authorizationUrl().toString());
            assertThat(a.getBean(PendingClaimStore.class).take(cookie)).isEmpty();

            assertThat(a.getBean(ClaimReplayGuard.class).firstUse("state-" + cookie, expires)).isTrue();
            assertThat(b.getBean(ClaimReplayGuard.class).firstUse("state-" + cookie, expires)).isFalse();
        }));
        String rows = postgres.psql("postgres", "SELECT t::text FROM pdpkit_oauth_tokens t");
        assertThat(rows).contains("user-42").doesNotContain("access-1").doesNotContain("refresh-1");
    }

    @Test
    void aJdbcStoreWithoutADataSourceFailsClearly() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PrismaJdbcAutoConfiguration.class,
                        PrismaOAuthAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withPropertyValues("pdpkit.oauth.client-id=x", "pdpkit.oauth.token-store=jdbc")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("DataSource"));
    }
}
