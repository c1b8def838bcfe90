package dev.pdpkit.oauth;

import dev.pdpkit.emulator.auth.AuthServer;
import dev.pdpkit.emulator.auth.EmulatedUser;
import dev.pdpkit.emulator.auth.RegisteredClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Starts the emulated authorization server with the clients the tests use. */
final class AuthServerFixture {
    static final String PUBLIC_CLIENT = "cli-app";
    static final String CONFIDENTIAL_CLIENT = "web-app";
    static final String CLIENT_SECRET = "web-app-secret-Zq81";
    static final String WEB_REDIRECT = "https://app.example/auth/callback";
    static final String LOOPBACK_REDIRECT = "http://127.0.0.1/callback";
    static final String WORKSPACE = "wksp_test1";

    private AuthServerFixture() {
    }

    static AuthServer start(Clock clock, Duration accessTokenLifetime) {
        AuthServer server = AuthServer.builder()
                .client(RegisteredClient.publicClient(PUBLIC_CLIENT, LOOPBACK_REDIRECT, WEB_REDIRECT))
                .client(RegisteredClient.confidentialClient(CONFIDENTIAL_CLIENT, CLIENT_SECRET, WEB_REDIRECT,
                        LOOPBACK_REDIRECT))
                .user(new EmulatedUser("usr_test", "test@example.test", List.of(WORKSPACE, "wksp_other")))
                .accessTokenLifetime(accessTokenLifetime)
                .clock(clock)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    static URI issuer(AuthServer server) {
        return URI.create(server.issuer());
    }
}
