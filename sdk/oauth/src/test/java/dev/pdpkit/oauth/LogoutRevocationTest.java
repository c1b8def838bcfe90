package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pdpkit.oauth.AuthServerFixture.PUBLIC_CLIENT;
import static dev.pdpkit.oauth.AuthServerFixture.WEB_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.auth.AuthServer;
import dev.pdpkit.emulator.auth.GrantInfo;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PrismaOAuth#logout()} ends the grant at the server by default, before it clears the store, and a failed
 * revocation leaves the caller a way to retry. RFC 7009 against the emulated authorization server and failures
 * against WireMock; the Management API route against the full emulator.
 */
class LogoutRevocationTest {
    private final ManualClock clock = new ManualClock(java.time.Instant.now());

    private static OAuthTokens login(PrismaOAuth oauth) {
        PendingLogin pending = oauth.startLogin();
        return oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
    }

    @Test
    void theDefaultLogoutRevokesAtTheAdvertisedEndpointBeforeClearing() {
        try (AuthServer server = AuthServerFixture.start(clock, Duration.ofHours(1));
             PrismaOAuth oauth = PrismaOAuth.builder().clientId(PUBLIC_CLIENT).redirectUri(WEB_REDIRECT)
                     .issuer(server.issuer()).clock(clock).build()) {
            OAuthTokens tokens = login(oauth);
            LogoutResult result = oauth.logout();

            assertThat(result.status()).isEqualTo(LogoutResult.Status.REVOKED);
            assertThat(result.method()).isEqualTo(LogoutResult.Method.TOKEN_REVOCATION);
            assertThat(oauth.currentTokens()).isEmpty();
            assertThat(server.verifyAccessToken(tokens.accessToken())).isEmpty();
            assertRefreshTokenIsDead(server, PUBLIC_CLIENT, tokens);
        }
    }

    @Test
    void aFailedRevocationKeepsTheStoreAndReturnsTheTokensToRetryWith() throws Exception {
        WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try (AuthServer server = AuthServerFixture.start(clock, Duration.ofHours(1))) {
            wm.stubFor(post(urlEqualTo("/unavailable")).willReturn(aResponse().withStatus(503)));
            wm.stubFor(post(urlEqualTo("/refused")).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_request\"}")));
            wm.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
            for (URI endpoint : new URI[] {URI.create(wm.baseUrl() + "/unavailable"),
                    URI.create(wm.baseUrl() + "/refused"), URI.create(wm.baseUrl() + "/slow"), closedPort()}) {
                InMemoryTokenStore store = new InMemoryTokenStore();
                try (PrismaOAuth oauth = PrismaOAuth.builder().clientId(PUBLIC_CLIENT).redirectUri(WEB_REDIRECT)
                        .issuer(server.issuer()).revocationEndpoint(endpoint)
                        .revocationTimeout(Duration.ofMillis(500)).tokenStore(store).clock(clock).build()) {
                    OAuthTokens tokens = login(oauth);
                    LogoutResult result = oauth.logout();

                    assertThat(result.status()).as(endpoint.toString())
                            .isEqualTo(LogoutResult.Status.REVOCATION_FAILED);
                    assertThat(result.failure()).isPresent();
                    assertThat(result.unrevokedTokens()).contains(tokens);
                    assertThat(store.load()).as("nothing cleared").contains(tokens);
                    assertThat(result.toString()).doesNotContain(tokens.accessToken());

                    // The retry, once the server is back: the returned tokens are revoked at the real endpoint.
                    try (PrismaOAuth retry = PrismaOAuth.builder().clientId(PUBLIC_CLIENT).issuer(server.issuer())
                            .clock(clock).build()) {
                        assertThat(retry.revoke(result.unrevokedTokens().get()).revoked()).isTrue();
                    }
                    assertRefreshTokenIsDead(server, PUBLIC_CLIENT, tokens);
                }
            }
        } finally {
            wm.stop();
        }
    }

    @Test
    void withoutARevocationEndpointLogoutRevokesTheIntegrationThroughTheManagementApi() {
        try (PrismaEmulator emulator = PrismaEmulator.builder().clock(clock).start();
             PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID)
                     .issuer(emulator.issuerUrl()).discovery(false).managementApiUrl(emulator.baseUrl())
                     .redirectUri("http://127.0.0.1:9/callback").clock(clock).build()) {
            AuthServer auth = emulator.authServer().orElseThrow();
            OAuthTokens tokens = login(oauth);
            String workspace = tokens.workspaceId().orElseThrow();
            String otherClientGrant = auth.issueTokens(PrismaEmulator.PARTNER_CLIENT_ID, emulator.oauthUser().id(),
                    workspace, Set.of("workspace:admin")).grantId();

            LogoutResult result = oauth.logout();

            assertThat(result.status()).isEqualTo(LogoutResult.Status.REVOKED);
            assertThat(result.method()).isEqualTo(LogoutResult.Method.INTEGRATION_REVOCATION);
            assertThat(oauth.currentTokens()).isEmpty();
            assertThat(auth.counters().revocationRequests()).as("no RFC 7009 request").isZero();
            assertThat(auth.grantsForClient(PrismaEmulator.PUBLIC_CLIENT_ID)).allMatch(GrantInfo::revoked);
            assertThat(auth.grant(otherClientGrant).orElseThrow().revoked()).as("other apps untouched").isFalse();
            assertRefreshTokenIsDead(auth, PrismaEmulator.PUBLIC_CLIENT_ID, tokens);
        }
    }

    @Test
    void logoutRefreshesAnExpiredAccessTokenBeforeCallingTheApi() {
        try (PrismaEmulator emulator = PrismaEmulator.builder().clock(clock).start();
             PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID)
                     .issuer(emulator.issuerUrl()).discovery(false).managementApiUrl(emulator.baseUrl())
                     .redirectUri("http://127.0.0.1:9/callback").clock(clock).build()) {
            login(oauth);
            clock.advance(Duration.ofHours(2));
            assertThat(oauth.logout().status()).isEqualTo(LogoutResult.Status.REVOKED);
            assertThat(emulator.authServer().orElseThrow().grantsForClient(PrismaEmulator.PUBLIC_CLIENT_ID))
                    .allMatch(GrantInfo::revoked);
        }
    }

    @Test
    void logoutWithNothingStoredContactsNoServer() {
        try (AuthServer server = AuthServerFixture.start(clock, Duration.ofHours(1));
             PrismaOAuth oauth = PrismaOAuth.builder().clientId(PUBLIC_CLIENT).issuer(server.issuer()).build()) {
            assertThat(oauth.logout().status()).isEqualTo(LogoutResult.Status.NOT_LOGGED_IN);
            assertThat(server.counters().revocationRequests()).isZero();
        }
    }

    private void assertRefreshTokenIsDead(AuthServer server, String clientId, OAuthTokens tokens) {
        InMemoryTokenStore probe = new InMemoryTokenStore();
        probe.save(OAuthTokens.of(tokens.accessToken(), tokens.refreshToken().orElseThrow(), clock.instant(), null,
                Set.of()));
        try (PrismaOAuth other = PrismaOAuth.builder().clientId(clientId).issuer(server.issuer()).discovery(false)
                .tokenStore(probe).clock(clock).build()) {
            assertThatThrownBy(() -> other.credentials().bearerToken()).isInstanceOfSatisfying(
                    LoginRequiredException.class, e -> assertThat(e.reason())
                            .isEqualTo(LoginRequiredException.Reason.REFRESH_TOKEN_REJECTED));
        }
    }

    private static URI closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/revoke");
        }
    }
}
