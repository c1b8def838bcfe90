package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static dev.pdpkit.oauth.AuthServerFixture.CLIENT_SECRET;
import static dev.pdpkit.oauth.AuthServerFixture.CONFIDENTIAL_CLIENT;
import static dev.pdpkit.oauth.AuthServerFixture.PUBLIC_CLIENT;
import static dev.pdpkit.oauth.AuthServerFixture.WEB_REDIRECT;
import static dev.pdpkit.oauth.AuthServerFixture.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.emulator.auth.AuthServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login half against the real emulated authorization server on loopback. */
class LoginFlowTest {
    private final ManualClock clock = new ManualClock(java.time.Instant.now());
    private AuthServer server;
    private InMemoryTokenStore store;
    private final AtomicInteger requestsThroughOurClient = new AtomicInteger();
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = AuthServerFixture.start(clock, Duration.ofHours(1));
        store = new InMemoryTokenStore();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private PrismaOAuth.Builder publicClient() {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            requestsThroughOurClient.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        return PrismaOAuth.builder()
                .clientId(PUBLIC_CLIENT)
                .redirectUri(WEB_REDIRECT)
                .issuer(server.issuer())
                .httpClient(http)
                .tokenStore(store)
                .clock(clock)
                .listener(new TokenListener() {
                    @Override
                    public void onLogin(OAuthTokens tokens) {
                        events.add("login");
                    }
                });
    }

    @Test
    void publicClientWithPkceLogsInAndStoresTokens() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();

        HttpUrl url = HttpUrl.get(pending.authorizationUrl());
        assertThat(url.toString()).startsWith(server.issuer() + "/authorize?");
        assertThat(url.queryParameter("client_id")).isEqualTo(PUBLIC_CLIENT);
        assertThat(url.queryParameter("response_type")).isEqualTo("code");
        assertThat(url.queryParameter("redirect_uri")).isEqualTo(WEB_REDIRECT);
        assertThat(url.queryParameter("scope")).isEqualTo("workspace:admin offline_access");
        assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(url.queryParameter("state")).isEqualTo(pending.state());
        assertThat(pending.codeVerifier()).hasSizeBetween(43, 128).matches("[A-Za-z0-9\\-._~]+");
        assertThat(pending.createdAt()).isEqualTo(clock.instant());

        String callback = Browser.authorize(pending.authorizationUrl());
        OAuthTokens tokens = oauth.completeLogin(callback, pending);

        assertThat(tokens.workspaceId()).contains(WORKSPACE);
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.expiresAt()).contains(clock.instant().plusSeconds(3600));
        assertThat(tokens.scopes()).containsExactlyInAnyOrder("workspace:admin", "offline_access");
        assertThat(store.load()).contains(tokens);
        assertThat(server.verifyAccessToken(tokens.accessToken())).isPresent();
        assertThat(oauth.credentials().bearerToken()).isEqualTo(tokens.accessToken());
        assertThat(events).containsExactly("login");
        assertThat(requestsThroughOurClient.get()).as("discovery and token request sent with the application's "
                + "OkHttp client").isEqualTo(2);
    }

    @Test
    void everyLoginHasFreshStateAndVerifier() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin a = oauth.startLogin();
        PendingLogin b = oauth.startLogin();
        assertThat(a.state()).isNotEqualTo(b.state());
        assertThat(a.codeVerifier()).isNotEqualTo(b.codeVerifier());
        assertThat(a.toString()).doesNotContain(a.state()).doesNotContain(a.codeVerifier());
    }

    @Test
    void confidentialClientWithBasicAuthAndPkce() {
        PrismaOAuth oauth = publicClient().clientId(CONFIDENTIAL_CLIENT).clientSecret(CLIENT_SECRET).build();
        PendingLogin pending = oauth.startLogin();
        assertThat(pending.codeVerifier()).isNotNull();
        OAuthTokens tokens = oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
        assertThat(server.verifyAccessToken(tokens.accessToken()).orElseThrow().clientId())
                .isEqualTo(CONFIDENTIAL_CLIENT);
    }

    @Test
    void confidentialClientWithPostAuthWithoutPkceAndDiscovery() {
        PrismaOAuth oauth = publicClient().clientId(CONFIDENTIAL_CLIENT).clientSecret(CLIENT_SECRET)
                .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST).usePkce(false).discovery(true).build();
        PendingLogin pending = oauth.startLogin();
        assertThat(pending.codeVerifier()).isNull();
        assertThat(HttpUrl.get(pending.authorizationUrl()).queryParameter("code_challenge")).isNull();
        OAuthTokens tokens = oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
        assertThat(server.verifyAccessToken(tokens.accessToken())).isPresent();
        assertThat(server.counters().codeExchanges()).isEqualTo(1);
    }

    @Test
    void wrongClientSecretIsATokenRequestErrorAndStoresNothing() {
        PrismaOAuth oauth = publicClient().clientId(CONFIDENTIAL_CLIENT).clientSecret("wrong").build();
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl());
        assertThatThrownBy(() -> oauth.completeLogin(callback, pending))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.error()).isEqualTo("invalid_client");
                })
                .hasMessageNotContaining("wrong");
        assertThat(store.load()).isEmpty();
    }

    @Test
    void tokenResponseWithoutRefreshTokenIsValid() {
        PrismaOAuth oauth = publicClient().scopes(List.of("workspace:admin")).build();
        PendingLogin pending = oauth.startLogin();
        OAuthTokens tokens = oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(oauth.credentials().bearerToken()).isEqualTo(tokens.accessToken());
    }

    @Test
    void publicClientCannotSwitchPkceOff() {
        assertThatThrownBy(() -> PrismaOAuth.builder().clientId("x").usePkce(false).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void extraParametersAreAddedButCannotOverrideCoreOnes() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin(List.of("workspace:admin"), Map.of("utm_source", "cli"));
        assertThat(HttpUrl.get(pending.authorizationUrl()).queryParameter("utm_source")).isEqualTo("cli");
        assertThatThrownBy(() -> oauth.startLogin(List.of(), Map.of("redirect_uri", "https://evil.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> oauth.startLogin(List.of(), Map.of("code_challenge_method", "plain")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ every rejection of completeLogin

    @Test
    void deniedConsentBecomesATypedErrorWithDescription() {
        server.approvalMode(ApprovalMode.CONSENT_PAGE);
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        String callback = denyOnConsentPage(pending.authorizationUrl());
        long before = server.counters().tokenRequests();
        assertThatThrownBy(() -> oauth.completeLogin(callback, pending))
                .isInstanceOfSatisfying(AuthorizationErrorException.class, e -> {
                    assertThat(e.accessDenied()).isTrue();
                    assertThat(e.errorDescription()).isEqualTo("the user denied the request");
                });
        assertRejectedBeforeTokenRequest(before);
    }

    @Test
    void callbackWithoutCodeIsRejected() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl()).replaceAll("code=[^&]*&?", "");
        expectRejected(oauth, callback, pending, InvalidCallbackException.Reason.MISSING_CODE);
    }

    @Test
    void callbackWithoutStateIsRejected() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl()).replaceAll("state=[^&]*&?", "");
        expectRejected(oauth, callback, pending, InvalidCallbackException.Reason.MISSING_STATE);
    }

    @Test
    void callbackWithAnotherLoginsStateIsRejected() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        PendingLogin other = oauth.startLogin();
        String callback = Browser.authorize(other.authorizationUrl());
        expectRejected(oauth, callback, pending, InvalidCallbackException.Reason.STATE_MISMATCH);
    }

    @Test
    void callbackFromAnotherIssuerIsRejected() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl())
                .replaceAll("iss=[^&]*", "iss=https%3A%2F%2Fevil.example");
        expectRejected(oauth, callback, pending, InvalidCallbackException.Reason.ISSUER_MISMATCH);
    }

    @Test
    void callbackWithRepeatedParameterIsRejected() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl()) + "&code=injected";
        expectRejected(oauth, callback, pending, InvalidCallbackException.Reason.MALFORMED);
    }

    @Test
    void expiredPendingLoginIsRejected() {
        PrismaOAuth oauth = publicClient().pendingLoginMaxAge(Duration.ofMinutes(10)).build();
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl());
        clock.advance(Duration.ofMinutes(11));
        expectRejected(oauth, callback, pending, InvalidCallbackException.Reason.EXPIRED);
    }

    @Test
    void wrongVerifierIsRejectedByTheServerAndStoresNothing() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        PendingLogin other = oauth.startLogin();
        PendingLogin forged = new PendingLogin(pending.authorizationUrl(), pending.state(), other.codeVerifier(),
                pending.redirectUri(), pending.scopes(), pending.createdAt());
        String callback = Browser.authorize(pending.authorizationUrl());
        assertThatThrownBy(() -> oauth.completeLogin(callback, forged))
                .isInstanceOfSatisfying(TokenRequestException.class,
                        e -> assertThat(e.error()).isEqualTo("invalid_grant"));
        assertThat(store.load()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void relativeCallbackUrlIsAccepted() {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();
        URI callback = URI.create(Browser.authorize(pending.authorizationUrl()));
        OAuthTokens tokens = oauth.completeLogin(callback.getRawPath() + "?" + callback.getRawQuery(), pending);
        assertThat(tokens.workspaceId()).contains(WORKSPACE);
    }

    @Test
    void pendingLoginSurvivesEncodingAndJavaSerialization() throws Exception {
        PrismaOAuth oauth = publicClient().build();
        PendingLogin pending = oauth.startLogin();

        PendingLogin decoded = PendingLogin.decode(pending.encode());
        assertThat(decoded.state()).isEqualTo(pending.state());
        assertThat(decoded.codeVerifier()).isEqualTo(pending.codeVerifier());
        assertThat(decoded.createdAt()).isEqualTo(pending.createdAt());
        assertThat(decoded.scopes()).isEqualTo(pending.scopes());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pending);
        }
        PendingLogin deserialized;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            deserialized = (PendingLogin) in.readObject();
        }
        // A login completed in "another request" from the stored value.
        OAuthTokens tokens = oauth.completeLogin(Browser.authorize(deserialized.authorizationUrl()), deserialized);
        assertThat(tokens.refreshToken()).isPresent();
        assertThatThrownBy(() -> PendingLogin.decode("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    private void expectRejected(PrismaOAuth oauth, String callback, PendingLogin pending,
                                InvalidCallbackException.Reason reason) {
        long before = server.counters().tokenRequests();
        assertThatThrownBy(() -> oauth.completeLogin(callback, pending))
                .isInstanceOfSatisfying(InvalidCallbackException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertRejectedBeforeTokenRequest(before);
    }

    private void assertRejectedBeforeTokenRequest(long tokenRequestsBefore) {
        assertThat(server.counters().tokenRequests()).as("no token request").isEqualTo(tokenRequestsBefore);
        assertThat(store.load()).isEmpty();
        assertThat(events).isEmpty();
    }

    private static String denyOnConsentPage(URI authorizationUrl) {
        OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
        try (Response page = http.newCall(new Request.Builder().url(authorizationUrl.toString()).build()).execute()) {
            String html = page.body().string();
            String requestId = html.replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");
            HttpUrl post = HttpUrl.get(authorizationUrl.toString()).newBuilder().query(null).build();
            try (Response denied = http.newCall(new Request.Builder().url(post).post(new FormBody.Builder()
                    .add("request", requestId).add("decision", "deny").build()).build()).execute()) {
                return denied.header("Location");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
