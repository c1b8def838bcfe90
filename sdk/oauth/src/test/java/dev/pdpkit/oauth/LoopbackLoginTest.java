package dev.pdpkit.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.emulator.auth.AuthServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loopback login with a scripted "browser" against the emulated authorization server. */
class LoopbackLoginTest {
    private AuthServer server;
    private PrismaOAuth oauth;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        server = AuthServerFixture.start(java.time.Clock.systemUTC(), Duration.ofHours(1));
        oauth = PrismaOAuth.builder().clientId(AuthServerFixture.PUBLIC_CLIENT).issuer(server.issuer())
                .discovery(true).build();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private LoopbackOptions options() {
        return LoopbackOptions.defaults().output(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30));
    }

    @Test
    void browserRoundTripLogsInAndShowsASuccessPage() throws Exception {
        AtomicReference<Browser.Page> page = new AtomicReference<>();
        AtomicReference<URI> opened = new AtomicReference<>();
        OAuthTokens tokens = oauth.loginWithLoopback(options().browser(url -> {
            opened.set(url);
            // A browser follows the redirect to 127.0.0.1 asynchronously.
            CompletableFuture.runAsync(() -> page.set(Browser.open(url.toString())));
        }));

        assertThat(tokens.workspaceId()).contains(AuthServerFixture.WORKSPACE);
        assertThat(oauth.currentTokens()).contains(tokens);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(opened.get().toString());
        HttpUrl redirect = HttpUrl.get(HttpUrl.get(opened.get()).queryParameter("redirect_uri"));
        assertThat(redirect.host()).isEqualTo("127.0.0.1");
        assertThat(redirect.encodedPath()).isEqualTo("/callback");
        waitFor(() -> page.get() != null);
        assertThat(page.get().status()).isEqualTo(200);
        assertThat(page.get().body()).contains("signed in");
        assertListenerClosed(redirect.port());
    }

    @Test
    void requestsWithAWrongStateAreIgnoredAndTheLoginGoesOn() throws Exception {
        int port;
        try (LoopbackLogin login = oauth.startLoopbackLogin(options().openBrowser(false))) {
            port = login.redirectUri().getPort();
            String stray = login.redirectUri() + "?code=attacker-code&state=wrong";
            Browser.Page strayPage = Browser.open(stray);
            assertThat(strayPage.status()).isEqualTo(400);
            Browser.Page noState = Browser.open(login.redirectUri() + "?code=x");
            assertThat(noState.status()).isEqualTo(400);
            assertThat(server.counters().tokenRequests()).isZero();

            Browser.Page real = Browser.open(login.authorizationUrl().toString());
            assertThat(real.status()).isEqualTo(200);
            assertThat(login.await().refreshToken()).isPresent();
        }
        assertListenerClosed(port);
        assertThat(oauth.currentTokens()).isPresent();
    }

    @Test
    void deniedConsentFailsTheLoginAndShowsAFailurePage() throws Exception {
        server.approvalMode(ApprovalMode.CONSENT_PAGE);
        try (LoopbackLogin login = oauth.startLoopbackLogin(options().openBrowser(false))) {
            OkHttpClient http = new OkHttpClient();
            String html;
            try (Response r = http.newCall(new Request.Builder().url(login.authorizationUrl().toString()).build())
                    .execute()) {
                html = r.body().string();
            }
            String requestId = html.replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");
            try (Response r = http.newCall(new Request.Builder().url(server.issuer() + "/authorize")
                    .post(new FormBody.Builder().add("request", requestId).add("decision", "deny").build()).build())
                    .execute()) {
                assertThat(r.code()).isEqualTo(400);
                assertThat(r.body().string()).contains("Access was denied");
            }
            assertThatThrownBy(login::await).isInstanceOfSatisfying(AuthorizationErrorException.class,
                    e -> assertThat(e.accessDenied()).isTrue());
        }
        assertThat(oauth.currentTokens()).isEmpty();
    }

    @Test
    void timesOutWhenNoCallbackArrives() throws Exception {
        LoopbackOptions shortWait = options().openBrowser(false).timeout(Duration.ofMillis(300));
        LoopbackLogin login = oauth.startLoopbackLogin(shortWait);
        int port = login.redirectUri().getPort();
        assertThatThrownBy(login::await).isInstanceOfSatisfying(LoopbackLoginException.class,
                e -> assertThat(e.reason()).isEqualTo(LoopbackLoginException.Reason.TIMEOUT));
        assertListenerClosed(port);
    }

    @Test
    void canBeCancelledFromAnotherThread() throws Exception {
        LoopbackLogin login = oauth.startLoopbackLogin(options().openBrowser(false));
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                login.await();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        login.cancel();
        Throwable t = waiting.get(30, TimeUnit.SECONDS);
        assertThat(t).isInstanceOfSatisfying(LoopbackLoginException.class,
                e -> assertThat(e.reason()).isEqualTo(LoopbackLoginException.Reason.CANCELLED));
        assertListenerClosed(login.redirectUri().getPort());
    }

    @Test
    void listensOnTheRequestedPortAndPath() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LoopbackLogin login = oauth.startLoopbackLogin(options().openBrowser(false).port(port).path("/cb"))) {
            assertThat(login.redirectUri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/cb"));
        }
        assertListenerClosed(port);
    }

    private static void assertListenerClosed(int port) throws InterruptedException {
        // The listener stops asynchronously after the response: poll (bounded) until connections are refused.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
                Thread.sleep(20);
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
        throw new AssertionError("loopback listener still accepting on port " + port);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met");
            }
            Thread.sleep(10);
        }
    }
}
