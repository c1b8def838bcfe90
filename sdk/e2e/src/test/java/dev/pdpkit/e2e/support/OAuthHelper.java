package dev.pdpkit.e2e.support;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.PendingLogin;
import dev.pdpkit.oauth.PrismaOAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a browser and an attacker do in the end-to-end tests: follow the authorization URL (the emulator approves
 * automatically and redirects to the callback), and replay a refresh token directly at the token endpoint.
 */
public final class OAuthHelper {
    /** A loopback callback nobody listens on: the test reads the redirect instead of following it. */
    public static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

    private static final OkHttpClient NO_REDIRECTS = new OkHttpClient.Builder().followRedirects(false).build();

    private OAuthHelper() {
    }

    /** @return a builder for the emulator's public client (PKCE), discovering the endpoints from the issuer */
    public static PrismaOAuth.Builder publicClient(PrismaEmulator emulator) {
        return PrismaOAuth.builder().clientId(emulator.publicClient().clientId()).issuer(emulator.issuerUrl())
                .discovery(true).redirectUri(REDIRECT_URI);
    }

    /** @return a builder for the emulator's confidential partner client (secret and PKCE) */
    public static PrismaOAuth.Builder partnerClient(PrismaEmulator emulator) {
        return PrismaOAuth.builder().clientId(emulator.partnerClient().clientId())
                .clientSecret(emulator.partnerClient().clientSecret()).issuer(emulator.issuerUrl())
                .discovery(true).redirectUri(REDIRECT_URI);
    }

    /** Runs the authorization code flow with PKCE through {@link PrismaOAuth#startLogin()}/completeLogin. */
    public static OAuthTokens login(PrismaOAuth oauth) {
        PendingLogin pending = oauth.startLogin();
        return oauth.completeLogin(authorize(pending.authorizationUrl()), pending);
    }

    /** Opens the authorization URL like a signed-in browser and returns the callback URL it is redirected to. */
    public static String authorize(URI authorizationUrl) {
        try (Response r = NO_REDIRECTS.newCall(new Request.Builder().url(authorizationUrl.toString()).build())
                .execute()) {
            if (r.code() != 302) {
                throw new AssertionError("expected a redirect from /authorize, got " + r.code() + ": "
                        + r.body().string());
            }
            return r.header("Location");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code grant_type=refresh_token} straight to the token endpoint, as someone holding a stolen token would.
     *
     * @return the HTTP status and body
     */
    public static TokenResponse replayRefreshToken(PrismaEmulator emulator, String clientId, String refreshToken) {
        Request request = new Request.Builder().url(emulator.issuerUrl() + "/token")
                .post(new FormBody.Builder().add("grant_type", "refresh_token").add("refresh_token", refreshToken)
                        .add("client_id", clientId).build())
                .build();
        try (Response r = NO_REDIRECTS.newCall(request).execute()) {
            return new TokenResponse(r.code(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw token endpoint answer. */
    public record TokenResponse(int status, String body) {
    }
}
