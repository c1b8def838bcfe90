package dev.pdpkit.oauth;

import dev.pdpkit.fixtures.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.emulator.auth.AuthServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While another process or thread holds the refresh lock, a call waits at most its own budget and then fails with
 * {@link LockTimeoutException}, leaving the tokens alone. (Before, it waited for as long as the lock was held.)
 */
class RefreshLockTimeoutTest {
    private final ManualClock clock = new ManualClock(java.time.Instant.now());
    private AuthServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        server = AuthServerFixture.start(clock, Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private PrismaOAuth oauth(TokenStore store) {
        return PrismaOAuth.builder().clientId(AuthServerFixture.PUBLIC_CLIENT)
                .redirectUri(AuthServerFixture.WEB_REDIRECT).issuer(server.issuer()).tokenStore(store).clock(clock)
                .refreshLockTimeout(Duration.ofMillis(300)).build();
    }

    private static void login(PrismaOAuth oauth) {
        PendingLogin pending = oauth.startLogin();
        oauth.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);
    }

    @Test
    void aRefreshWaitingForAnotherProcessEndsWithTheCallsBudget() throws Exception {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
        try (PrismaOAuth oauth = oauth(store)) {
            login(oauth);
            OAuthTokens before = store.load().orElseThrow();
            clock.advance(Duration.ofMinutes(10)); // expired: the next call must refresh under the lock
            Process holder = startLockHolder(dir.resolve("tokens.json.lock"));
            try {
                long refreshes = server.counters().refreshes();
                // The guard only keeps a regression from hanging the build; the assertion is on the exception.
                CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
                    try {
                        return oauth.credentials().bearerToken(Duration.ofMillis(500));
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                assertThat(call.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(LockTimeoutException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.LOCK_TIMEOUT));
                assertThat(CompletableFuture.supplyAsync(() -> catching(() -> oauth.credentials().bearerToken()))
                        .get(60, TimeUnit.SECONDS)).as("the configured default budget")
                        .isInstanceOf(LockTimeoutException.class);
                assertThat(server.counters().refreshes()).isEqualTo(refreshes);
            } finally {
                holder.getOutputStream().close();
                holder.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(store.load()).contains(before);
            assertThat(oauth.credentials().bearerToken()).isNotEqualTo(before.accessToken());
        }
    }

    @Test
    void aWaitForAnotherThreadsLockEndsWithTheCallsBudget() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        try (PrismaOAuth oauth = oauth(store)) {
            login(oauth);
            clock.advance(Duration.ofMinutes(10));
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> store.withRefreshLock(() -> {
                held.countDown();
                await(release);
                return null;
            }));
            holder.start();
            held.await();
            try {
                assertThat(CompletableFuture.supplyAsync(() -> catching(() -> oauth.credentials()
                        .bearerToken(Duration.ofMillis(200)))).get(60, TimeUnit.SECONDS))
                        .isInstanceOf(LockTimeoutException.class);
            } finally {
                release.countDown();
                holder.join();
            }
        }
    }

    private static Object catching(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process startLockHolder(Path lockFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                lockFile.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        return p;
    }
}
