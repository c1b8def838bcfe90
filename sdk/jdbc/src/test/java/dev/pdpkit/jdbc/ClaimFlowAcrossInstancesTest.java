package dev.pdpkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.oauth.claim.ClaimFlow;
import dev.pdpkit.oauth.claim.ClaimResult;
import dev.pdpkit.oauth.claim.PendingClaim;
import dev.pdpkit.oauth.claim.PendingClaimCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claim flow behind a load balancer without sticky sessions: two application instances, each with its own
 * connection pool on the shared PostgreSQL, against the emulator. The claim starts on one instance and its callback
 * lands on the other; a replayed callback on either does nothing.
 */
class ClaimFlowAcrossInstancesTest {
    private static final String REDIRECT = "http://127.0.0.1:8799/callback";

    private static PrismaEmulator emulator;
    private static PrismaManagement partner;
    private static Instance first;
    private static Instance second;

    /** One application instance: its own pool, claim flow, pending-claim store and replay guard. */
    private record Instance(ClaimFlow flow, JdbcPendingClaimStore pending, JdbcClaimReplayGuard guard) {
        static Instance start(DataSource pool, AtRestEncryption encryption) {
            JdbcClaimReplayGuard guard = new JdbcClaimReplayGuard(pool);
            ClaimFlow flow = ClaimFlow.builder().clientId(emulator.partnerClient().clientId())
                    .clientSecret(emulator.partnerClient().clientSecret()).issuer(emulator.issuerUrl())
                    .redirectUri(REDIRECT).partnerClient(partner).replayGuard(guard).build();
            return new Instance(flow, JdbcPendingClaimStore.builder(pool).encryption(encryption).build(), guard);
        }
    }

    @BeforeAll
    static void start() {
        emulator = PrismaEmulator.start();
        partner = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.partnerServiceToken())
                .build();
        AtRestEncryption encryption = AtRestEncryption.withKey("claims", TokenEncryptionTest.newKey());
        first = Instance.start(SharedPostgres.newPool(3), encryption);
        second = Instance.start(SharedPostgres.newPool(3), encryption);
    }

    @AfterAll
    static void stop() {
        partner.close();
        emulator.close();
    }

    @Test
    void aClaimStartedOnOneInstanceCompletesOnTheOtherOnce() throws Exception {
        String project = newProject();
        String session = "session-" + UUID.randomUUID();
        PendingClaim pending = first.flow().start(project);
        first.pending().save(session, pending);
        String callback = authorize(pending.authorizationUrl());

        ClaimResult done = second.flow().complete(callback, second.pending().take(session).orElse(null));
        assertThat(done.status()).isEqualTo(ClaimResult.Status.CLAIMED);
        assertThat(emulator.projectWorkspace(project)).contains(emulator.userWorkspace().id());

        ClaimResult reload = first.flow().complete(callback, first.pending().take(session).orElse(null));
        assertThat(reload.status()).as("the claim was taken by the other instance").isEqualTo(
                ClaimResult.Status.EXPIRED);
    }

    @Test
    void aReplayedCookieIsStoppedByTheSharedGuard() throws Exception {
        PendingClaimCookie cookie = new PendingClaimCookie(TokenEncryptionTest.newKey()); // the same key everywhere
        String sealed = cookie.seal(first.flow().start(newProject()));
        String callback = authorize(cookie.open(sealed).orElseThrow().authorizationUrl());

        assertThat(second.flow().complete(callback, cookie.open(sealed).orElseThrow()).status())
                .isEqualTo(ClaimResult.Status.CLAIMED);
        assertThat(first.flow().complete(callback, cookie.open(sealed).orElseThrow()).status())
                .isEqualTo(ClaimResult.Status.REPLAYED);
    }

    private static String newProject() {
        return partner.projects().create(ProjectCreateParams.builder().name("claim-" + UUID.randomUUID()
                .toString().substring(0, 8)).build()).id();
    }

    /** Plays the user's browser at the authorization server, which approves at once: returns the callback URL. */
    private static String authorize(URI url) throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }
}
