package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.services.MeService;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.auth.AuthServer;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth credentials inside the API client, against the full emulator (API and authorization server on one port).
 */
class ClientIntegrationTest {
    private final ManualClock serverClock = new ManualClock(java.time.Instant.now());
    private PrismaEmulator emulator;
    private OkHttpClient http;
    private final List<PrismaManagement> clients = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        emulator = PrismaEmulator.builder().clock(serverClock).start();
        http = new OkHttpClient();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(PrismaManagement::close);
        emulator.close();
    }

    /** The public way: an API client sharing the OAuth instance's credentials and OkHttp pool. */
    private MeService me(PrismaOAuth oauth) {
        PrismaManagement client = oauth.clientBuilder().baseUrl(emulator.baseUrl()).maxRetries(0).build();
        clients.add(client);
        return client.me();
    }

    @Test
    void apiCallsWorkAndA401IsRefreshedAndRetriedOnce() {
        // The client's clock stays put, the server's moves: the client believes its token is valid, the API
        // answers 401, and the pipeline asks the credentials to refresh and retries.
        PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID)
                .issuer(emulator.issuerUrl()).discovery(true).httpClient(http)
                .clock(new ManualClock(serverClock.instant())).build();
        LoopbackOptions options = LoopbackOptions.defaults().output(new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).browser(url -> java.util.concurrent.CompletableFuture
                .runAsync(() -> Browser.open(url.toString())));
        OAuthTokens tokens = oauth.loginWithLoopback(options);
        MeService me = me(oauth);

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
        MeService me = me(oauth);
        me.get();

        AuthServer auth = emulator.authServer().orElseThrow();
        auth.grantsForClient(PrismaEmulator.PUBLIC_CLIENT_ID).forEach(g -> auth.revokeGrant(g.grantId()));
        assertThatThrownBy(me::get).isInstanceOfSatisfying(LoginRequiredException.class,
                e -> assertThat(e.reason()).isEqualTo(LoginRequiredException.Reason.REFRESH_TOKEN_REJECTED));
        assertThat(oauth.currentTokens()).isEmpty();
    }
}
