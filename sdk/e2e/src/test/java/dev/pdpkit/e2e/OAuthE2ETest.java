package dev.pdpkit.e2e;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.CredentialType;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.e2e.support.OAuthHelper;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.SeededWorkspace;
import dev.pdpkit.emulator.auth.AuthCounters;
import dev.pdpkit.emulator.auth.AuthServer;
import dev.pdpkit.emulator.junit.EmulatorWorkspace;
import dev.pdpkit.emulator.junit.PrismaEmulatorExtension;
import dev.pdpkit.oauth.InMemoryTokenStore;
import dev.pdpkit.oauth.LoginRequiredException;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.PrismaOAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth end to end: PKCE logins at the emulator's authorization server (automatic approval), API calls through
 * {@code PrismaManagement.builder().credentials(oauth.credentials())}, refresh-token rotation while the client works,
 * and reuse detection when a rotated-away refresh token is replayed.
 *
 * <p>Access tokens live {@value #ACCESS_TOKEN_SECONDS} s. Nothing waits for them to expire: the OAuth layer's clock
 * is a {@link ManualClock} the tests move forward (proactive refresh before a call), and the emulator's clock is
 * another one (the server rejects a token the client still believes valid: 401 → refresh → retry).
 */
class OAuthE2ETest {
    static final long ACCESS_TOKEN_SECONDS = 30;
    static final Duration MARGIN = Duration.ofSeconds(5);
    static final ManualClock SERVER_CLOCK = ManualClock.tickingFromNow();

    @RegisterExtension
    static final PrismaEmulatorExtension EMULATOR = PrismaEmulatorExtension.configure(
            b -> b.accessTokenLifetime(Duration.ofSeconds(ACCESS_TOKEN_SECONDS)).clock(SERVER_CLOCK));

    PrismaEmulator emulator;
    SeededWorkspace partnerWorkspace;
    @EmulatorWorkspace(PrismaEmulator.USER_WORKSPACE)
    SeededWorkspace userWorkspace;
    PrismaManagement partner;

    private final ManualClock clock = ManualClock.tickingFromNow();

    private AuthServer auth() {
        return emulator.authServer().orElseThrow();
    }

    private PrismaManagement apiClient(PrismaOAuth oauth) {
        return PrismaManagement.builder().baseUrl(emulator.baseUrl()).credentials(oauth.credentials()).build();
    }

    private static List<String> projectIds(PrismaManagement client) {
        return StreamSupport.stream(client.projects().list().autoPager().spliterator(), false).map(Project::id)
                .collect(Collectors.toList());
    }

    @Test
    void publicClientLogsInWithPkceAndRefreshesWithRotationWhileWorking() {
        PrismaOAuth oauth = OAuthHelper.publicClient(emulator).clock(clock).refreshMargin(MARGIN)
                .tokenStore(new InMemoryTokenStore()).build();
        OAuthTokens login = OAuthHelper.login(oauth);
        // automatic approval picks the user's own workspace
        assertThat(login.workspaceId()).hasValue(userWorkspace.id());
        assertThat(login.refreshToken()).isPresent();

        try (PrismaManagement client = apiClient(oauth)) {
            Me me = client.me().get();
            assertThat(me.credential().type()).isEqualTo(CredentialType.OAUTH);
            assertThat(me.workspace().orElseThrow().id()).isEqualTo(userWorkspace.id());
            assertThat(me.user()).hasValueSatisfying(u -> assertThat(u.email())
                    .isEqualTo(emulator.oauthUser().email()));

            long refreshes = auth().counters().refreshes();
            CreatedProject project = client.projects().create(ProjectCreateParams.builder().name("oauth-app")
                    .createDatabase(false).build());
            String previousRefresh = oauth.currentTokens().orElseThrow().refreshToken().orElseThrow();
            for (int i = 1; i <= 3; i++) {
                clock.advance(Duration.ofSeconds(ACCESS_TOKEN_SECONDS)); // the client now sees its token as expired
                assertThat(client.projects().get(project.id()).name()).isEqualTo("oauth-app");
                OAuthTokens now = oauth.currentTokens().orElseThrow();
                assertThat(auth().counters().refreshes()).isEqualTo(refreshes + i);
                // rotation: every refresh hands out a new refresh token
                assertThat(now.refreshToken().orElseThrow()).isNotEqualTo(previousRefresh);
                previousRefresh = now.refreshToken().orElseThrow();
            }
            assertThat(projectIds(client)).contains(project.id());
            assertThat(auth().counters().reuseDetections()).isZero();
        }
    }

    @Test
    void confidentialPartnerClientLogsInAndA401IsRefreshedAndRetried() {
        PrismaOAuth oauth = OAuthHelper.partnerClient(emulator).clock(clock).refreshMargin(MARGIN).build();
        OAuthTokens login = OAuthHelper.login(oauth);
        assertThat(login.workspaceId()).hasValue(userWorkspace.id());
        assertThat(auth().grantsForClient(PrismaEmulator.PARTNER_CLIENT_ID)).isNotEmpty();

        try (PrismaManagement client = apiClient(oauth)) {
            assertThat(client.me().get().workspace().orElseThrow().id()).isEqualTo(userWorkspace.id());
            long refreshes = auth().counters().refreshes();
            long unauthorized = emulator.stats().count(dev.pdpkit.emulator.api.ApiStats.UNAUTHORIZED);
            // The server's time moves past the token's expiry; the client still believes the token valid.
            SERVER_CLOCK.advance(Duration.ofSeconds(ACCESS_TOKEN_SECONDS + 1));
            assertThat(client.me().get().workspace().orElseThrow().id()).isEqualTo(userWorkspace.id());
            assertThat(auth().counters().refreshes()).isEqualTo(refreshes + 1);
            assertThat(oauth.currentTokens().orElseThrow().accessToken()).isNotEqualTo(login.accessToken());
            assertThat(emulator.stats().count(dev.pdpkit.emulator.api.ApiStats.UNAUTHORIZED))
                    .isEqualTo(unauthorized + 1);
        }
    }

    @Test
    void replayingARotatedRefreshTokenRevokesTheFamilyAndTheSdkAsksForALogin() {
        PrismaOAuth oauth = OAuthHelper.publicClient(emulator).clock(clock).refreshMargin(MARGIN)
                .build();
        OAuthTokens login = OAuthHelper.login(oauth);
        String stolen = login.refreshToken().orElseThrow();
        try (PrismaManagement client = apiClient(oauth)) {
            client.me().get();
            clock.advance(Duration.ofSeconds(ACCESS_TOKEN_SECONDS));
            client.me().get(); // refreshes: "stolen" is now a used refresh token
            assertThat(oauth.currentTokens().orElseThrow().refreshToken()).isPresent().get().isNotEqualTo(stolen);

            AuthCounters before = auth().counters();
            OAuthHelper.TokenResponse replay = OAuthHelper.replayRefreshToken(emulator,
                    PrismaEmulator.PUBLIC_CLIENT_ID, stolen);
            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.body()).contains("invalid_grant");
            AuthCounters after = auth().counters();
            assertThat(after.reuseDetections()).isEqualTo(before.reuseDetections() + 1);
            assertThat(after.revokedFamilies()).isEqualTo(before.revokedFamilies() + 1);

            // The legitimate client's tokens belonged to the same family: its next call ends in a new login.
            clock.advance(Duration.ofSeconds(ACCESS_TOKEN_SECONDS));
            assertThatThrownBy(() -> client.me().get()).isInstanceOfSatisfying(LoginRequiredException.class,
                    e -> assertThat(e.reason()).isEqualTo(LoginRequiredException.Reason.REFRESH_TOKEN_REJECTED));
            assertThat(oauth.currentTokens()).isEmpty();
        }
    }

    @Test
    void partnerTransfersAProjectToTheUsersWorkspaceWithTheUsersAccessToken() {
        PrismaOAuth oauth = OAuthHelper.publicClient(emulator).clock(clock).refreshMargin(MARGIN).build();
        OAuthTokens userLogin = OAuthHelper.login(oauth);
        assertThat(userLogin.workspaceId()).hasValue(userWorkspace.id());

        CreatedProject project = partner.projects().create(ProjectCreateParams.builder().name("for-the-user")
                .build());
        assertThat(projectIds(partner)).contains(project.id());

        partner.projects().transfer(dev.pdpkit.client.model.ProjectTransferParams.builder().id(project.id())
                .recipientAccessToken(oauth.credentials().bearerToken()).build());

        assertThat(emulator.projectWorkspace(project.id())).hasValue(userWorkspace.id());
        try (PrismaManagement user = apiClient(oauth)) {
            assertThat(projectIds(user)).contains(project.id());
            assertThat(user.projects().get(project.id()).workspace().id()).isEqualTo(userWorkspace.id());
        }
        assertThat(projectIds(partner)).doesNotContain(project.id());
        assertThatThrownBy(() -> partner.projects().get(project.id()))
                .isInstanceOf(dev.pdpkit.client.errors.NotFoundException.class);
        assertThat(partnerWorkspace.id()).isNotEqualTo(userWorkspace.id());
    }

    @Test
    void aTransferWithAnInvalidRecipientTokenIsRefusedAndTheProjectStays() {
        CreatedProject project = partner.projects().create(ProjectCreateParams.builder().name("stays")
                .createDatabase(false).build());
        assertThatThrownBy(() -> partner.projects().transfer(dev.pdpkit.client.model.ProjectTransferParams.builder()
                .id(project.id()).recipientAccessToken("not-an-access-token").build()))
                .isInstanceOfSatisfying(dev.pdpkit.client.errors.UnauthorizedException.class,
                        e -> assertThat(e.errorCode()).hasValue("invalid_recipient_token"));
        assertThat(emulator.projectWorkspace(project.id())).hasValue(partnerWorkspace.id());
    }

    /**
     * The transfer endpoint's 401 {@code invalid_recipient_token} is about the token in the body, not the caller's:
     * the caller's OAuth tokens must not be refreshed (rotated) for it, nor the POST sent a second time.
     */
    @Test
    void aBadRecipientTokenDoesNotRefreshTheCallersOAuthTokens() {
        PrismaOAuth oauth = OAuthHelper.partnerClient(emulator).clock(clock).refreshMargin(MARGIN).build();
        OAuthHelper.login(oauth);
        try (PrismaManagement user = apiClient(oauth)) {
            CreatedProject own = user.projects().create(ProjectCreateParams.builder().name("own")
                    .createDatabase(false).build());
            long refreshes = auth().counters().refreshes();
            long transfers = emulator.stats().requests("postV1ProjectsByIdTransfer");
            assertThatThrownBy(() -> user.projects().transfer(dev.pdpkit.client.model.ProjectTransferParams
                    .builder().id(own.id()).recipientAccessToken("not-an-access-token").build()))
                    .isInstanceOfSatisfying(dev.pdpkit.client.errors.UnauthorizedException.class,
                            e -> assertThat(e.errorCode()).hasValue("invalid_recipient_token"));
            assertThat(emulator.stats().requests("postV1ProjectsByIdTransfer") - transfers).as("transfer requests")
                    .isEqualTo(1);
            assertThat(auth().counters().refreshes()).as("refreshes caused by the recipient's bad token")
                    .isEqualTo(refreshes);
        }
    }
}
