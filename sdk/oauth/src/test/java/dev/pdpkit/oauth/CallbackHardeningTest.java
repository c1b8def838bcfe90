package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static dev.pdpkit.oauth.AuthServerFixture.PUBLIC_CLIENT;
import static dev.pdpkit.oauth.AuthServerFixture.WEB_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.emulator.auth.AuthServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The callback findings of the security review (RFC 9207, RFC 9700), against the emulated authorization server,
 * which advertises {@code authorization_response_iss_parameter_supported} and rejects a replayed code by revoking
 * what the first exchange produced.
 */
class CallbackHardeningTest {
    private final ManualClock clock = new ManualClock(java.time.Instant.now());
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private AuthServer server;
    private PrismaOAuth oauth;

    @BeforeEach
    void setUp() {
        server = AuthServerFixture.start(clock, Duration.ofHours(1));
        oauth = PrismaOAuth.builder().clientId(PUBLIC_CLIENT).redirectUri(WEB_REDIRECT).issuer(server.issuer())
                .tokenStore(store).clock(clock).build();
    }

    @AfterEach
    void tearDown() {
        oauth.close();
        server.close();
    }

    @Test
    void aCallbackWithoutIssIsRejectedWhenTheServerAdvertisesIt() {
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl()).replaceAll("&?iss=[^&]*", "");
        expectRejected(callback, pending, InvalidCallbackException.Reason.MISSING_ISSUER);
    }

    @Test
    void aReplayedCallbackIsRejectedWithoutContactingTheServerAndTheSessionSurvives() {
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl());
        OAuthTokens tokens = oauth.completeLogin(callback, pending);

        expectRejected(callback, pending, InvalidCallbackException.Reason.ALREADY_USED);
        PendingLogin decodedCopy = PendingLogin.decode(pending.encode());
        expectRejected(callback, decodedCopy, InvalidCallbackException.Reason.ALREADY_USED);

        assertThat(store.load()).contains(tokens);
        assertThat(server.counters().revokedFamilies()).as("no replayed code reached the server").isZero();
        assertThat(server.verifyAccessToken(tokens.accessToken())).isPresent();
    }

    @Test
    void twoThreadsCompletingOnePendingLoginAtOnceSendOneCodeExchange() throws Exception {
        PendingLogin pending = oauth.startLogin();
        String callback = Browser.authorize(pending.authorizationUrl());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    together.await();
                    try {
                        return oauth.completeLogin(callback, pending);
                    } catch (OAuthException e) {
                        return e;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(OAuthTokens.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(InvalidCallbackException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((InvalidCallbackException) e).reason())
                            .isEqualTo(InvalidCallbackException.Reason.ALREADY_USED));
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.counters().codeExchanges()).isEqualTo(1);
        assertThat(server.counters().revokedFamilies()).isZero();
        assertThat(server.verifyAccessToken(store.load().orElseThrow().accessToken())).isPresent();
    }

    @Test
    void stateIsCheckedBeforeTheErrorParameter() {
        PendingLogin pending = oauth.startLogin();
        String forged = WEB_REDIRECT + "?error=access_denied&state=not-the-state&iss=" + enc(server.issuer());
        expectRejected(forged, pending, InvalidCallbackException.Reason.STATE_MISMATCH);
    }

    @Test
    void untrustedCallbackTextStaysOutOfExceptionMessages() {
        String hostile = "Injected\r\nSet-Cookie: x=1<script>alert(1)</script>";
        PendingLogin pending = oauth.startLogin();
        String error = WEB_REDIRECT + "?state=" + pending.state() + "&iss=" + enc(server.issuer()) + "&error="
                + enc("access_denied" + hostile) + "&error_description=" + enc(hostile);
        assertThatThrownBy(() -> oauth.completeLogin(error, pending))
                .isInstanceOfSatisfying(AuthorizationErrorException.class,
                        e -> assertThat(e.error()).isEqualTo("invalid_error_code"))
                .message().doesNotContain("Injected").doesNotContain("<script>").doesNotContain("\n");

        PendingLogin other = oauth.startLogin();
        String wrongIssuer = Browser.authorize(other.authorizationUrl())
                .replaceAll("iss=[^&]*", "iss=" + enc("https://evil.example/" + hostile));
        assertThatThrownBy(() -> oauth.completeLogin(wrongIssuer, other))
                .isInstanceOf(InvalidCallbackException.class)
                .message().doesNotContain("Injected").doesNotContain("evil.example").doesNotContain("\n");
    }

    @Test
    void aCallbackAtAnotherHostPortOrPathIsRejected() {
        for (String target : List.of("https://evil.example/auth/callback", "https://app.example:8443/auth/callback",
                "https://app.example/other/callback", "http://app.example/auth/callback")) {
            PendingLogin pending = oauth.startLogin();
            String callback = Browser.authorize(pending.authorizationUrl()).replace(WEB_REDIRECT, target);
            expectRejected(callback, pending, InvalidCallbackException.Reason.REDIRECT_MISMATCH);
        }
    }

    private void expectRejected(String callback, PendingLogin pending, InvalidCallbackException.Reason reason) {
        long before = server.counters().tokenRequests();
        Object storedBefore = store.load().orElse(null);
        assertThatThrownBy(() -> oauth.completeLogin(callback, pending))
                .isInstanceOfSatisfying(InvalidCallbackException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(server.counters().tokenRequests()).as("no token request").isEqualTo(before);
        assertThat(store.load().orElse(null)).isEqualTo(storedBefore);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
