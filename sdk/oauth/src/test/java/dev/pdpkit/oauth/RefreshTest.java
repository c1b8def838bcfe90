package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static dev.pdpkit.oauth.AuthServerFixture.PUBLIC_CLIENT;
import static dev.pdpkit.oauth.AuthServerFixture.WEB_REDIRECT;
import static dev.pdpkit.oauth.AuthServerFixture.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.emulator.auth.AuthServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refresh against the real emulated server, which rotates refresh tokens and revokes the family on reuse. */
class RefreshTest {
    private final ManualClock clock = new ManualClock(java.time.Instant.now());
    private final List<String> events = new CopyOnWriteArrayList<>();
    private AuthServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        server = AuthServerFixture.start(clock, Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private PrismaOAuth.Builder client(TokenStore store) {
        return PrismaOAuth.builder()
                .clientId(PUBLIC_CLIENT)
                .redirectUri(WEB_REDIRECT)
                .issuer(server.issuer())
                .discovery(true)
                .tokenStore(store)
                .clock(clock)
                .listener(new TokenListener() {
                    @Override
                    public void onRefresh(OAuthTokens tokens) {
                        events.add("refresh");
                    }

                    @Override
                    public void onCleared(ClearReason reason) {
                        events.add("cleared:" + reason);
                    }
                });
    }

    private static OAuthTokens login(PrismaOAuth oauth) {
        PendingLogin pending = oauth.startLogin();
        return oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
    }

    private TokenStore store(String kind) {
        return "file".equals(kind) ? new FileTokenStore(dir.resolve("tokens.json")) : new InMemoryTokenStore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void thousandConcurrentCallersOnAnExpiredTokenCauseExactlyOneRefresh(String kind) throws Exception {
        PrismaOAuth oauth = client(store(kind)).build();
        OAuthTokens first = login(oauth);
        clock.advance(Duration.ofHours(1)); // the access token has just expired
        server.resetCounters();

        List<String> results = runConcurrently(1000, () -> oauth.credentials().bearerToken());

        assertThat(server.counters().tokenRequests()).isEqualTo(1);
        assertThat(server.counters().reuseDetections()).isZero();
        assertThat(results).hasSize(1000).doesNotContainNull();
        assertThat(Set.copyOf(results)).singleElement().isNotEqualTo(first.accessToken());
        OAuthTokens stored = oauth.tokenStore().load().orElseThrow();
        assertThat(stored.accessToken()).isEqualTo(results.get(0));
        assertThat(stored.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThat(server.verifyAccessToken(stored.accessToken())).isPresent();
        assertThat(events).containsExactly("refresh");
    }

    @Test
    void proactiveRefreshHappensWithinTheMarginAndSavesTheRotatedPair() {
        PrismaOAuth oauth = client(new InMemoryTokenStore()).refreshMargin(Duration.ofMinutes(5)).build();
        OAuthTokens first = login(oauth);
        clock.advance(Duration.ofMinutes(50));
        assertThat(oauth.credentials().bearerToken()).isEqualTo(first.accessToken());
        assertThat(server.counters().refreshes()).isZero();

        clock.advance(Duration.ofMinutes(6)); // 4 minutes left: inside the margin
        OAuthTokens second = oauth.credentials().tokens();
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.workspaceId()).contains(WORKSPACE);
        assertThat(second.expiresAt()).contains(clock.instant().plusSeconds(3600));
        assertThat(oauth.tokenStore().load()).contains(second);
        assertThat(server.counters().refreshes()).isEqualTo(1);
    }

    @Test
    void reactiveRefreshAfter401RefreshesOnceAndThenOnlyRetries() {
        PrismaOAuth oauth = client(new InMemoryTokenStore()).build();
        OAuthTokens first = login(oauth);
        OAuthCredentials credentials = oauth.credentials();

        assertThat(credentials.refreshAfterUnauthorized(first.accessToken())).isTrue();
        String second = credentials.bearerToken();
        assertThat(second).isNotEqualTo(first.accessToken());
        assertThat(server.counters().refreshes()).isEqualTo(1);

        // A late 401 for the old token: someone already refreshed, so just retry.
        assertThat(credentials.refreshAfterUnauthorized(first.accessToken())).isTrue();
        assertThat(server.counters().refreshes()).isEqualTo(1);
        assertThat(credentials.bearerToken()).isEqualTo(second);
    }

    @Test
    void aProcessThatSawAnOldPairUsesThePairAnotherProcessRotated() {
        Path file = dir.resolve("shared.json");
        PrismaOAuth processA = client(new FileTokenStore(file)).build();
        PrismaOAuth processB = client(new FileTokenStore(file)).build();
        OAuthTokens old = login(processA);
        clock.advance(Duration.ofHours(1));

        String rotatedByA = processA.credentials().bearerToken();
        // B still holds the old access token (say, from a request in flight) and gets a 401 for it.
        assertThat(processB.credentials().refreshAfterUnauthorized(old.accessToken())).isTrue();
        assertThat(processB.credentials().bearerToken()).isEqualTo(rotatedByA);
        assertThat(server.counters().refreshes()).isEqualTo(1);
        assertThat(server.counters().reuseDetections()).isZero();
    }

    @Test
    void invalidGrantClearsTheStoreAndRequiresLogin() {
        PrismaOAuth oauth = client(new InMemoryTokenStore()).build();
        login(oauth);
        server.revokeGrants(WORKSPACE, PUBLIC_CLIENT); // e.g. the user removed the integration
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> oauth.credentials().bearerToken())
                .isInstanceOfSatisfying(LoginRequiredException.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginRequiredException.Reason.REFRESH_TOKEN_REJECTED));
        assertThat(oauth.tokenStore().load()).isEmpty();
        assertThat(events).containsExactly("cleared:REFRESH_TOKEN_REJECTED");
        assertThatThrownBy(() -> oauth.credentials().bearerToken())
                .isInstanceOfSatisfying(LoginRequiredException.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginRequiredException.Reason.NOT_LOGGED_IN));
    }

    @Test
    void invalidGrantReachesEveryWaiter() throws Exception {
        PrismaOAuth oauth = client(new InMemoryTokenStore()).build();
        login(oauth);
        server.revokeGrants(WORKSPACE, PUBLIC_CLIENT);
        clock.advance(Duration.ofHours(1));
        server.resetCounters();

        List<Throwable> failures = runConcurrentlyExpectingFailures(200, () -> oauth.credentials().bearerToken());
        assertThat(failures).hasSize(200).allSatisfy(t -> assertThat(t).isInstanceOf(LoginRequiredException.class));
        assertThat(server.counters().tokenRequests()).isEqualTo(1);
    }

    @Test
    void expiredTokenWithoutRefreshTokenRequiresLogin() {
        PrismaOAuth oauth = client(new InMemoryTokenStore()).scopes(List.of("workspace:admin")).build();
        OAuthTokens tokens = login(oauth);
        clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // inside the margin but still valid: used as is
        assertThat(oauth.credentials().bearerToken()).isEqualTo(tokens.accessToken());
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> oauth.credentials().bearerToken())
                .isInstanceOfSatisfying(LoginRequiredException.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginRequiredException.Reason.NO_REFRESH_TOKEN));
        assertThat(server.counters().tokenRequests()).isEqualTo(1);
    }

    @Test
    void logoutClearsAndRevokesWhenDiscoveryAdvertisesRevocation() {
        PrismaOAuth oauth = client(new InMemoryTokenStore()).build();
        OAuthTokens tokens = login(oauth);
        LogoutResult result = oauth.logout();
        assertThat(result.status()).isEqualTo(LogoutResult.Status.REVOKED);
        assertThat(result.method()).isEqualTo(LogoutResult.Method.TOKEN_REVOCATION);
        assertThat(oauth.currentTokens()).isEmpty();
        assertThat(events).containsExactly("cleared:LOGOUT");
        assertThat(server.counters().revocationRequests()).isEqualTo(1);
        assertThat(server.verifyAccessToken(tokens.accessToken())).as("family revoked").isEmpty();
        assertThatThrownBy(() -> oauth.credentials().bearerToken()).isInstanceOf(LoginRequiredException.class);
    }

    @Test
    void logoutLocallyOnlyClears() {
        PrismaOAuth oauth = client(new InMemoryTokenStore()).build();
        OAuthTokens tokens = login(oauth);
        oauth.logoutLocally();
        assertThat(oauth.currentTokens()).isEmpty();
        assertThat(events).containsExactly("cleared:LOGOUT");
        assertThat(server.counters().revocationRequests()).isZero();
        assertThat(server.verifyAccessToken(tokens.accessToken())).isPresent();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static <T> List<T> runConcurrently(int n, Supplier<T> call) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.get();
                }));
            }
            ready.await();
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS)); // a hang guard, not a speed assertion
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Throwable> runConcurrentlyExpectingFailures(int n, Supplier<?> call) throws Exception {
        List<Future<Object>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.get();
                }));
            }
            ready.await();
            go.countDown();
            List<Throwable> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    out.add(null);
                } catch (ExecutionException e) {
                    out.add(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
