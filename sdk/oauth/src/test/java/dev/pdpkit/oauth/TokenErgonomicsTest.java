package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.auth.AuthServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Building tokens from a response, the adaptive refresh margin, one shared OkHttp pool and {@code close()}. */
class TokenErgonomicsTest {
    private static final Instant REQUESTED = Instant.parse("2026-01-01T00:00:00Z");

    private static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void tokensAreBuiltFromATokenResponseWithTheSdksRules() {
        String access = jwt("{\"workspace_id\":\"wksp_9\",\"exp\":1900000000}");
        OAuthTokens fromJson = OAuthTokens.fromTokenResponse("{\"access_token\":\"" + access + "\",\"token_type\":"
                + "\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt-1\",\"scope\":\"workspace:admin "
                + "offline_access\"}", REQUESTED);
        assertThat(fromJson.accessToken()).isEqualTo(access);
        assertThat(fromJson.refreshToken()).contains("rt-1");
        assertThat(fromJson.expiresAt()).contains(REQUESTED.plusSeconds(3600));
        assertThat(fromJson.workspaceId()).contains("wksp_9");
        assertThat(fromJson.scopes()).containsExactly("workspace:admin", "offline_access");
        assertThat(fromJson.issuedAt()).contains(REQUESTED);

        OAuthTokens fromMap = OAuthTokens.fromTokenResponse(Map.of("access_token", access, "token_type", "bearer"),
                REQUESTED);
        assertThat(fromMap.expiresAt()).as("from the JWT's exp").contains(Instant.ofEpochSecond(1900000000L));
        assertThat(fromMap.refreshToken()).isEmpty();
        assertThat(OAuthTokens.fromTokenResponse(Map.of("access_token", "opaque", "token_type", "Bearer",
                "workspace_id", "wksp_3"), REQUESTED).workspaceId()).contains("wksp_3");
    }

    @Test
    void aMalformedTokenResponseIsATypedErrorThatQuotesNothing() {
        for (String body : new String[] {"not json SECRET", "{\"token_type\":\"Bearer\"}",
                "{\"access_token\":\"SECRET\",\"token_type\":\"mac\"}",
                "{\"access_token\":\"SECRET\",\"token_type\":\"Bearer\",\"expires_in\":\"SECRET\"}"}) {
            assertThatThrownBy(() -> OAuthTokens.fromTokenResponse(body, REQUESTED)).as(body)
                    .isInstanceOf(OAuthException.class).hasMessageNotContaining("SECRET");
        }
    }

    @Test
    void theRefreshMarginAdaptsToShortTokenLifetimes() {
        ManualClock clock = new ManualClock(java.time.Instant.now());
        try (AuthServer server = AuthServerFixture.start(clock, Duration.ofSeconds(20));
             PrismaOAuth oauth = PrismaOAuth.builder().clientId(AuthServerFixture.PUBLIC_CLIENT)
                     .redirectUri(AuthServerFixture.WEB_REDIRECT).issuer(server.issuer()).clock(clock).build()) {
            PendingLogin pending = oauth.startLogin();
            OAuthTokens first = oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);

            clock.advance(Duration.ofSeconds(5));
            assertThat(oauth.credentials().bearerToken()).as("the default 60 s margin would refresh a 20 s token "
                    + "on every call").isEqualTo(first.accessToken());
            assertThat(server.counters().refreshes()).isZero();

            clock.advance(Duration.ofSeconds(6)); // 11 s of 20: past half the lifetime
            String second = oauth.credentials().bearerToken();
            assertThat(second).isNotEqualTo(first.accessToken());
            assertThat(oauth.credentials().bearerToken()).isEqualTo(second);
            assertThat(server.counters().refreshes()).isEqualTo(1);
        }
    }

    @Test
    void apiClientsFromClientBuilderShareTheOAuthConnectionPoolAndCloseReleasesIt() {
        try (PrismaEmulator emulator = PrismaEmulator.start()) {
            PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID)
                    .issuer(emulator.issuerUrl()).redirectUri("http://127.0.0.1:9/callback").build();
            PendingLogin pending = oauth.startLogin();
            oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
            OkHttpClient http = oauth.http();
            http.connectionPool().evictAll();
            try (PrismaManagement client = oauth.clientBuilder().baseUrl(emulator.baseUrl()).build()) {
                assertThat(client.me().get().workspace()).isPresent();
            }
            assertThat(http.connectionPool().connectionCount()).as("the API call's connection is in the OAuth pool")
                    .isEqualTo(1);

            oauth.close();
            assertThat(http.dispatcher().executorService().isShutdown()).isTrue();
            assertThat(http.connectionPool().connectionCount()).isZero();
        }
    }

    @Test
    void closeLeavesAnApplicationsOwnClientAlone() {
        OkHttpClient own = new OkHttpClient();
        PrismaOAuth oauth = PrismaOAuth.builder().clientId("cli").httpClient(own).build();
        oauth.close();
        assertThat(own.dispatcher().executorService().isShutdown()).isFalse();
        own.dispatcher().executorService().shutdown();
    }
}
