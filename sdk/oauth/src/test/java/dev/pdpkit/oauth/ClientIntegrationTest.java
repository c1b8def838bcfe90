package dev.pdpkit.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.core.Sleeper;
import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.http.Transport;
import dev.pdpkit.client.internal.pipeline.AuthStage;
import dev.pdpkit.client.internal.pipeline.LoggingStage;
import dev.pdpkit.client.internal.pipeline.OkHttpStage;
import dev.pdpkit.client.internal.pipeline.RetryStage;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.services.MeService;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.auth.AuthServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth credentials inside the API client's request pipeline, against the full emulator (API and authorization
 * server on one port). Uses the client's internal pipeline until the public client builder exists; the contract
 * exercised is only {@code Credentials}; switch to {@code PrismaManagement.builder().credentials(..)} once it exists.
 */
class ClientIntegrationTest {
    private final MutableClock serverClock = MutableClock.startingNow();
    private PrismaEmulator emulator;
    private OkHttpClient http;

    @BeforeEach
    void setUp() {
        emulator = PrismaEmulator.builder().clock(serverClock).start();
        http = new OkHttpClient();
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private MeService me(OAuthCredentials credentials) {
        // The same stages the client assembles: retry > auth (bearer, 401 -> refresh -> one retry) > logging > HTTP.
        OkHttpClient apiHttp = http.newBuilder().retryOnConnectionFailure(false).followRedirects(false).build();
        Transport transport = new RetryStage(new AuthStage(credentials, new LoggingStage(new OkHttpStage(apiHttp,
                HttpUrl.get(emulator.baseUrl() + "/"), Map.of(), Clock.systemUTC()), false)), RetryPolicy.none(),
                Duration.ofSeconds(30), Sleeper.SYSTEM, Clock.systemUTC());
        return new MeService(new ClientContext(transport));
    }

    @Test
    void apiCallsWorkAndA401IsRefreshedAndRetriedOnce() {
        // The client's clock stays put, the server's moves: the client believes its token is valid, the API
        // answers 401, and the pipeline asks the credentials to refresh and retries.
        PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID)
                .issuer(emulator.issuerUrl()).discovery(true).httpClient(http)
                .clock(new MutableClock(serverClock.instant())).build();
        LoopbackOptions options = LoopbackOptions.defaults().output(new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).browser(url -> java.util.concurrent.CompletableFuture
                .runAsync(() -> Browser.open(url.toString())));
        OAuthTokens tokens = oauth.loginWithLoopback(options);
        MeService me = me(oauth.credentials());

        Me first = me.get();
        assertThat(first.workspace()).isPresent();
        assertThat(first.workspace().get().id()).isEqualTo(tokens.workspaceId().orElseThrow());

        AuthServer auth = emulator.authServer().orElseThrow();
        long refreshesBefore = auth.counters().refreshes();
        serverClock.advance(Duration.ofHours(2));
        Me second = me.get();
        assertThat(second.workspace().get().id()).isEqualTo(first.workspace().get().id());
        assertThat(auth.counters().refreshes()).isEqualTo(refreshesBefore + 1);
        assertThat(oauth.currentTokens().orElseThrow().accessToken()).isNotEqualTo(tokens.accessToken());
    }

    @Test
    void aRevokedIntegrationEndsInLoginRequired() {
        PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID)
                .issuer(emulator.issuerUrl()).redirectUri("http://127.0.0.1:9/callback").httpClient(http)
                .scopes(List.of("workspace:admin", "offline_access")).build();
        PendingLogin pending = oauth.startLogin();
        oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
        MeService me = me(oauth.credentials());
        me.get();

        AuthServer auth = emulator.authServer().orElseThrow();
        auth.grantsForClient(PrismaEmulator.PUBLIC_CLIENT_ID).forEach(g -> auth.revokeGrant(g.grantId()));
        assertThatThrownBy(me::get).isInstanceOfSatisfying(LoginRequiredException.class,
                e -> assertThat(e.reason()).isEqualTo(LoginRequiredException.Reason.REFRESH_TOKEN_REJECTED));
        assertThat(oauth.currentTokens()).isEmpty();
    }
}
