package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.pdpkit.emulator.auth.AuthServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs every path that logs or throws, at DEBUG, and checks that no log line, exception message or toString()
 * contains a token, code, verifier, state or client secret.
 */
class SecretLeakTest {
    private final ManualClock clock = new ManualClock(java.time.Instant.now());
    private final Set<String> secrets = new HashSet<>();
    private final List<String> texts = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private AuthServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("dev.pdpkit");
        appender.start();
        root.addAppender(appender);
        ours.addAppender(appender);
        ours.setLevel(Level.DEBUG);
        server = AuthServerFixture.start(clock, Duration.ofHours(1));
        secrets.add(AuthServerFixture.CLIENT_SECRET);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        ((Logger) LoggerFactory.getLogger("dev.pdpkit")).detachAppender(appender);
        server.close();
    }

    @Test
    void noSecretAppearsInLogsMessagesOrToString() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
        PrismaOAuth.Builder builder = PrismaOAuth.builder().clientId(AuthServerFixture.CONFIDENTIAL_CLIENT)
                .clientSecret(AuthServerFixture.CLIENT_SECRET).redirectUri(AuthServerFixture.WEB_REDIRECT)
                .issuer(server.issuer()).discovery(true).tokenStore(store).clock(clock);
        texts.add(builder.toString());
        PrismaOAuth oauth = builder.build();
        texts.add(oauth.toString());
        texts.add(oauth.credentials().toString());
        texts.add(store.toString());

        // Login, with rejected callbacks first.
        PendingLogin pending = oauth.startLogin();
        remember(pending);
        String callback = Browser.authorize(pending.authorizationUrl());
        secrets.add(HttpUrl.get(callback).queryParameter("code"));
        attempt(() -> oauth.completeLogin(callback.replaceAll("state=[^&]*", "state=x"), pending));
        attempt(() -> oauth.completeLogin(callback + "&state=dup", pending));
        OAuthTokens tokens = oauth.completeLogin(callback, pending);
        remember(tokens);

        // Refresh: proactive, reactive, then invalid_grant.
        clock.advance(Duration.ofHours(1));
        oauth.credentials().bearerToken();
        remember(store.load().orElseThrow());
        oauth.credentials().refreshAfterUnauthorized(oauth.credentials().bearerToken());
        remember(store.load().orElseThrow());
        attempt(() -> oauth.completeLogin(callback, pending)); // too late: the pending login expired
        server.revokeGrants(AuthServerFixture.WORKSPACE, AuthServerFixture.CONFIDENTIAL_CLIENT);
        clock.advance(Duration.ofHours(1));
        attempt(() -> oauth.credentials().bearerToken());

        // A second login, then logout with revocation, and a revocation that fails.
        PendingLogin again = oauth.startLogin();
        remember(again);
        String callback2 = Browser.authorize(again.authorizationUrl());
        secrets.add(HttpUrl.get(callback2).queryParameter("code"));
        remember(oauth.completeLogin(callback2, again));
        oauth.logout();
        PrismaOAuth badRevocation = PrismaOAuth.builder().clientId(AuthServerFixture.PUBLIC_CLIENT)
                .redirectUri(AuthServerFixture.WEB_REDIRECT).issuer(server.issuer())
                .revocationEndpoint(URI.create("http://127.0.0.1:1/revoke")).tokenStore(new InMemoryTokenStore())
                .clock(clock).build();
        PendingLogin third = badRevocation.startLogin();
        remember(third);
        String callback3 = Browser.authorize(third.authorizationUrl());
        secrets.add(HttpUrl.get(callback3).queryParameter("code"));
        remember(badRevocation.completeLogin(callback3, third));
        // Replaying the code: invalid_grant from the server.
        attempt(() -> badRevocation.completeLogin(callback3, third));
        badRevocation.logout();

        // A token file that holds a token but is cut off.
        attempt(() -> {
            try {
                java.nio.file.Files.writeString(store.path(), "{\"version\":1,\"access_token\":\""
                        + tokens.accessToken() + "\",\"refresh_tok");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return store.load();
        });

        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        assertThat(appender.list).as("the run did log").isNotEmpty();
        secrets.remove(null);
        assertThat(secrets).hasSizeGreaterThan(10);
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("leak").doesNotContain(secret);
            }
        }
    }

    private void remember(OAuthTokens t) {
        secrets.add(t.accessToken());
        t.refreshToken().ifPresent(secrets::add);
        texts.add(t.toString());
    }

    private void remember(PendingLogin p) {
        secrets.add(p.state());
        secrets.add(p.codeVerifier());
        texts.add(p.toString());
    }

    private void attempt(java.util.function.Supplier<?> action) {
        try {
            action.get();
            throw new AssertionError("expected a failure");
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(t.toString());
            }
        }
    }
}
