package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token endpoint failures, stubbed with WireMock on loopback. */
class RefreshFailureTest {
    private static final String OK_WITHOUT_ROTATION =
            "{\"access_token\":\"at-2\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    private final ManualClock clock = new ManualClock(java.time.Instant.now());
    private WireMockServer wm;
    private InMemoryTokenStore store;
    private OAuthTokens expired;

    @BeforeEach
    void setUp() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        store = new InMemoryTokenStore();
        expired = OAuthTokens.of("at-1", "rt-1", clock.instant().minusSeconds(1), "wksp_1",
                List.of("workspace:admin", "offline_access"));
        store.save(expired);
    }

    @AfterEach
    void tearDown() {
        wm.stop();
    }

    private PrismaOAuth oauth() {
        return PrismaOAuth.builder().clientId("cli").issuer(wm.baseUrl()).discovery(false).tokenStore(store)
                .clock(clock).build();
    }

    private void tokenEndpointAnswers(int status, String body) {
        wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void serverErrorKeepsTokensAndIsRetryable() {
        tokenEndpointAnswers(503, "{\"error\":\"temporarily_unavailable\"}");
        assertThatThrownBy(() -> oauth().credentials().bearerToken())
                .isInstanceOfSatisfying(AuthServerUnavailableException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(503);
                });
        assertThat(store.load()).contains(expired);
    }

    @Test
    void networkFailureKeepsTokensAndIsRetryable() {
        wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> oauth().credentials().bearerToken())
                .isInstanceOfSatisfying(AuthServerUnavailableException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(-1));
        assertThat(store.load()).contains(expired);
    }

    @Test
    void connectionRefusedKeepsTokens() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        PrismaOAuth oauth = PrismaOAuth.builder().clientId("cli").issuer("http://127.0.0.1:" + closedPort)
                .discovery(false).tokenStore(store).clock(clock).build();
        assertThatThrownBy(() -> oauth.credentials().bearerToken()).isInstanceOf(AuthServerUnavailableException.class);
        assertThat(store.load()).contains(expired);
    }

    @Test
    void otherOAuthErrorsDoNotLogOut() {
        tokenEndpointAnswers(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}");
        assertThatThrownBy(() -> oauth().credentials().bearerToken())
                .isInstanceOfSatisfying(TokenRequestException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.errorDescription()).isEqualTo("bad secret");
                });
        assertThat(store.load()).contains(expired);
    }

    @Test
    void nonJsonClientErrorIsATokenRequestError() {
        wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(404).withBody("<html>nope</html>")));
        assertThatThrownBy(() -> oauth().credentials().bearerToken())
                .isInstanceOfSatisfying(TokenRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(store.load()).contains(expired);
    }

    @Test
    void responseWithoutNewRefreshTokenKeepsTheOldOne() {
        tokenEndpointAnswers(200, OK_WITHOUT_ROTATION);
        assertThat(oauth().credentials().bearerToken()).isEqualTo("at-2");
        OAuthTokens stored = store.load().orElseThrow();
        assertThat(stored.refreshToken()).contains("rt-1");
        assertThat(stored.workspaceId()).as("kept, the token is not a JWT").contains("wksp_1");
        assertThat(stored.scopes()).containsExactly("workspace:admin", "offline_access");
        wm.verify(postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=rt-1"))
                .withRequestBody(containing("client_id=cli")));
    }

    @Test
    void failedProactiveRefreshFallsBackToTheStillValidToken() {
        OAuthTokens soon = OAuthTokens.of("at-1", "rt-1", clock.instant().plusSeconds(30), null, List.of());
        store.save(soon);
        tokenEndpointAnswers(502, "");
        assertThat(oauth().credentials().bearerToken()).isEqualTo("at-1");
        assertThat(store.load()).contains(soon);
    }

    @Test
    void aRefreshFailingWhileCallersWaitFailsEveryWaiter() throws Exception {
        wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503).withFixedDelay(300)));
        PrismaOAuth oauth = oauth();
        List<Throwable> failures = RefreshTest.runConcurrentlyExpectingFailures(50,
                () -> oauth.credentials().bearerToken());
        assertThat(failures).hasSize(50)
                .allSatisfy(t -> assertThat(t).isInstanceOf(AuthServerUnavailableException.class));
        assertThat(store.load()).contains(expired);
        // Callers that arrive after a failed flight start a new one, so more than one request is possible;
        // never one per caller while a flight is running.
        assertThat(wm.getAllServeEvents().size()).isLessThan(50);
    }

    @Test
    void aSlowProcessCannotEraseANewerPair() {
        // This process reads the old pair under the lock and spends its refresh token; the server says
        // invalid_grant. Meanwhile a newer pair was written (by a writer that does not take the refresh lock, such
        // as a login in another process with a store whose saves do not lock). Compare-and-clear must keep it.
        tokenEndpointAnswers(400, "{\"error\":\"invalid_grant\"}");
        OAuthTokens newer = OAuthTokens.of("at-new", "rt-new", clock.instant().plusSeconds(3600), "wksp_1",
                List.of());
        TokenStore racing = new TokenStore() {
            private boolean raced;

            @Override
            public java.util.Optional<OAuthTokens> load() {
                java.util.Optional<OAuthTokens> seen = store.load();
                if (inLock && !raced) {
                    raced = true;
                    store.save(newer); // lands right after this process read the old pair
                }
                return seen;
            }

            private boolean inLock;

            @Override
            public void save(OAuthTokens tokens) {
                store.save(tokens);
            }

            @Override
            public void clear() {
                store.clear();
            }

            @Override
            public boolean clearIfCurrent(OAuthTokens expected) {
                return store.clearIfCurrent(expected);
            }

            @Override
            public <T> T withRefreshLock(java.util.function.Supplier<T> action) {
                return store.withRefreshLock(() -> {
                    inLock = true;
                    try {
                        return action.get();
                    } finally {
                        inLock = false;
                    }
                });
            }
        };
        List<String> events = new java.util.ArrayList<>();
        PrismaOAuth oauth = PrismaOAuth.builder().clientId("cli").issuer(wm.baseUrl()).discovery(false)
                .tokenStore(racing).clock(clock).listener(new TokenListener() {
                    @Override
                    public void onCleared(ClearReason reason) {
                        events.add(reason.name());
                    }
                }).build();

        assertThatThrownBy(() -> oauth.credentials().bearerToken()).isInstanceOf(LoginRequiredException.class);
        wm.verify(1, postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("refresh_token=rt-1")));
        assertThat(store.load()).contains(newer);
        assertThat(events).as("nothing was cleared").isEmpty();
        assertThat(oauth.credentials().bearerToken()).isEqualTo("at-new");
    }

    @Test
    void clearIfCurrentRemovesOnlyTheSamePair() {
        OAuthTokens other = OAuthTokens.of("at-1", "rt-other", null, null, List.of());
        assertThat(store.clearIfCurrent(other)).isFalse();
        assertThat(store.load()).contains(expired);
        assertThat(store.clearIfCurrent(OAuthTokens.of("at-1", "rt-1", null, null, List.of()))).isTrue();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void expiryFallsBackToTheJwtExpClaim() throws Exception {
        long exp = clock.instant().getEpochSecond() + 1234;
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"exp\":" + exp + ",\"workspace_id\":\"wksp_jwt\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String jwt = "eyJhbGciOiJub25lIn0." + payload + ".";
        tokenEndpointAnswers(200, "{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\"}");
        oauth().credentials().bearerToken();
        OAuthTokens stored = store.load().orElseThrow();
        assertThat(stored.expiresAt()).contains(java.time.Instant.ofEpochSecond(exp));
        assertThat(stored.workspaceId()).contains("wksp_jwt");
        assertThat(Duration.between(clock.instant(), stored.expiresAt().get())).isPositive();
    }
}
