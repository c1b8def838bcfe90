package dev.pdpkit.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pdpkit.emulator.auth.AuthCounters;
import dev.pdpkit.emulator.auth.AuthServer;
import dev.pdpkit.emulator.auth.EmulatedUser;
import dev.pdpkit.emulator.auth.RegisteredClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race that logs users of the official SDK out: several processes sharing one token file while access tokens
 * expire every two seconds. Four child JVMs with two threads each call a protected endpoint for 30 seconds; the
 * server rotates refresh tokens and revokes the whole authorization on any reuse. The children's clocks run
 * 2.5 s late in every other six-second period, so both paths run: proactive refresh before expiry, and 401 followed
 * by a reactive refresh (see {@link RefreshWorker}).
 */
class MultiProcessRefreshTest {
    private static final int PROCESSES = 4;
    private static final long RUN_MILLIS = 30_000;
    private static final Pattern RESULT = Pattern.compile("RESULT calls=(\\d+) failures=(\\d+) retried401=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void processesSharingAFileStoreNeverReuseARefreshToken() throws Exception {
        HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService executor = Executors.newCachedThreadPool();
        host.setExecutor(executor);
        String base = "http://127.0.0.1:" + host.getAddress().getPort();
        AuthServer auth = AuthServer.builder()
                .client(RegisteredClient.publicClient(AuthServerFixture.PUBLIC_CLIENT,
                        AuthServerFixture.WEB_REDIRECT))
                .user(new EmulatedUser("usr_mp", null, List.of("wksp_mp")))
                .accessTokenLifetime(Duration.ofSeconds(2))
                .build();
        auth.mount(host, base);
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        // A tiny protected resource, checking tokens the way the emulated API does.
        host.createContext("/v1/ping", exchange -> {
            boolean ok = auth.verifyAccessToken(exchange.getRequestHeaders().getFirst("Authorization")).isPresent();
            (ok ? accepted : rejected).incrementAndGet();
            exchange.sendResponseHeaders(ok ? 200 : 401, -1);
            exchange.close();
        });
        host.start();
        try {
            Path tokenFile = dir.resolve("state").resolve("tokens.json");
            PrismaOAuth parent = PrismaOAuth.builder().clientId(AuthServerFixture.PUBLIC_CLIENT)
                    .redirectUri(AuthServerFixture.WEB_REDIRECT).issuer(base)
                    .tokenStore(new FileTokenStore(tokenFile)).build();
            PendingLogin pending = parent.startLogin();
            parent.completeLogin(Browser.authorize(pending.authorizationUrl()), pending);

            List<Process> children = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (int i = 0; i < PROCESSES; i++) {
                Path out = dir.resolve("child-" + i + ".out");
                Path err = dir.resolve("child-" + i + ".err");
                ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        RefreshWorker.class.getName(), base, tokenFile.toString(), base + "/v1/ping",
                        Long.toString(RUN_MILLIS), "2")
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                children.add(pb.start());
                outputs.add(out);
            }

            long totalCalls = 0;
            for (int i = 0; i < PROCESSES; i++) {
                Process child = children.get(i);
                boolean exited = child.waitFor(RUN_MILLIS + 60_000, TimeUnit.MILLISECONDS);
                if (!exited) {
                    child.destroyForcibly();
                }
                String out = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
                assertThat(exited).as("child %d finished", i).isTrue();
                assertThat(child.exitValue()).as("child %d exit; stderr in %s", i, dir).isZero();
                Matcher m = RESULT.matcher(out);
                assertThat(m.find()).as("child %d summary: %s", i, out).isTrue();
                assertThat(Long.parseLong(m.group(2))).as("failures of child %d: %s", i, out).isZero();
                totalCalls += Long.parseLong(m.group(1));
            }

            AuthCounters counters = auth.counters();
            System.out.printf("multi-process run: %d calls, %d accepted, %d rejected (then refreshed), %s%n",
                    totalCalls, accepted.get(), rejected.get(), counters);
            assertThat(counters.reuseDetections()).as("refresh token reuse").isZero();
            assertThat(counters.revokedFamilies()).as("forced logouts").isZero();
            // Tokens live 2 s and are refreshed 1 s before expiry: many rotations happened.
            assertThat(counters.refreshes()).isGreaterThanOrEqualTo(10);
            assertThat(totalCalls).isGreaterThan(PROCESSES * 10L);
            assertThat(accepted.get()).isGreaterThan(0);
            assertThat(rejected.get()).as("late clocks met expired tokens").isGreaterThan(0);
            // The shared session is still alive for the parent too.
            assertThat(auth.verifyAccessToken(parent.credentials().bearerToken())).isPresent();
        } finally {
            host.stop(0);
            executor.shutdownNow();
        }
    }
}
