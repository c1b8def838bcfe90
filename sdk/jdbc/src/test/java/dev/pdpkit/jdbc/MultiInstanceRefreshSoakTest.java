package dev.pdpkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.auth.AuthCounters;
import dev.pdpkit.emulator.auth.AuthServer;
import dev.pdpkit.fixtures.postgres.LocalPostgres;
import dev.pdpkit.oauth.OAuthTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-instance proof: {@value #INSTANCES} JVMs with {@value #THREADS} threads each share one PostgreSQL token
 * table while the emulator's authorization server issues access tokens that live two seconds, rotates refresh tokens
 * and revokes the whole authorization on any reuse. The threads act for {@value #KEYS} principals (one grant each),
 * so every key is refreshed by several JVMs at once. The run lasts {@code -Dpdpkit.soak.seconds} (10 in CI):
 *
 * <pre>
 * mvn -B -pl sdk/jdbc -am verify -Dtest=MultiInstanceRefreshSoakTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpdpkit.soak.seconds=60
 * </pre>
 *
 * It prints its figures and requires 0 refresh-token replays, 0 forced logouts, 0 failed calls, and per key at most
 * one token request per usable token period (lifetime minus refresh margin: a token is refreshed that long after it
 * was requested) over the whole run, plus one.
 */
class MultiInstanceRefreshSoakTest {
    private static final int INSTANCES = 4;
    private static final int THREADS = 8;
    private static final int KEYS = 4;
    private static final Duration LIFETIME = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofMillis(500);
    private static final Pattern RESULT = Pattern.compile("RESULT calls=(\\d+) failures=(\\d+) logouts=(\\d+)");
    private static final Pattern WINDOW = Pattern.compile("WINDOW start=(\\d+) end=(\\d+)");
    private static final Pattern REFRESHES = Pattern.compile("REFRESHES key=(\\S+) count=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void instancesSharingThePostgresStoreNeverReplayARefreshToken() throws Exception {
        long seconds = Long.getLong("pdpkit.soak.seconds", 10);
        LocalPostgres pg = SharedPostgres.server();
        try (PrismaEmulator emulator = PrismaEmulator.builder().accessTokenLifetime(LIFETIME)
                .validateRequests(false).validateResponses(false).start()) {
            AuthServer auth = emulator.authServer().orElseThrow();
            Map<String, String> grants = seedKeys(emulator, auth);
            auth.resetCounters();

            List<Process> children = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                children.add(startInstance(i, emulator.baseUrl(), pg, String.join(",", grants.keySet()), seconds));
            }
            Figures figures = collect(children, seconds);
            // From the first call of any instance to the last one's end: the window the counters cover.
            double elapsed = (figures.lastEnd - figures.firstStart) / 1000.0;
            AuthCounters counters = auth.counters();
            long revokedGrants = grants.values().stream().filter(g -> auth.grant(g).orElseThrow().revoked()).count();
            double periods = elapsed * 1000.0 / LIFETIME.minus(MARGIN).toMillis();
            System.out.printf("multi-instance soak: %d JVMs x %d threads, %d keys, %d s, access tokens live %d s"
                    + " (refresh margin %d ms)%n", INSTANCES, THREADS, KEYS, seconds, LIFETIME.toSeconds(),
                    MARGIN.toMillis());
            System.out.printf("  calls %d, failed calls %d, forced logouts %d, refresh-token replays %d, revoked"
                    + " authorizations %d%n", figures.calls, figures.failures, figures.logouts,
                    counters.reuseDetections(), counters.revokedFamilies());
            System.out.printf("  token requests %d in the %.1f s from the first call to the last: per key %s, one per"
                    + " %.2f s on average; bound %.1f per key (one per %d ms usable token period, plus one)%n",
                    counters.tokenRequests(), elapsed, figures.refreshesPerKey,
                    elapsed * KEYS / Math.max(1, counters.tokenRequests()), periods + 1,
                    LIFETIME.minus(MARGIN).toMillis());

            assertThat(counters.reuseDetections()).as("refresh-token replays").isZero();
            assertThat(counters.revokedFamilies()).as("revoked authorizations").isZero();
            assertThat(revokedGrants).as("revoked grants").isZero();
            assertThat(figures.logouts).as("forced logouts").isZero();
            assertThat(figures.failures).as("failed calls: %s", figures.failureLines).isZero();
            assertThat(figures.calls).isGreaterThan(INSTANCES * THREADS * seconds);
            assertThat(counters.tokenRequests()).isEqualTo(counters.refreshes());
            assertThat(figures.refreshesPerKey).hasSize(KEYS);
            figures.refreshesPerKey.forEach((key, count) -> assertThat((double) count).as("token requests for %s",
                    key).isLessThanOrEqualTo(periods + 1).isGreaterThanOrEqualTo(2));
        }
    }

    /** @return key to grant id; each key's first pair saved in the shared table */
    private static Map<String, String> seedKeys(PrismaEmulator emulator, AuthServer auth) {
        JdbcTokenStore table = JdbcTokenStore.builder(SharedPostgres.dataSource()).build();
        Map<String, String> grants = new LinkedHashMap<>();
        for (int k = 0; k < KEYS; k++) {
            String key = "soak-" + k + "-" + UUID.randomUUID().toString().substring(0, 8);
            String workspace = emulator.workspaces().get(k % emulator.workspaces().size()).id();
            Set<String> scopes = Set.of(AuthServer.SCOPE_WORKSPACE_ADMIN, AuthServer.SCOPE_OFFLINE_ACCESS);
            AuthServer.IssuedTokens issued = auth.issueTokens(PrismaEmulator.PUBLIC_CLIENT_ID,
                    emulator.oauthUser().id(), workspace, scopes);
            table.forKey(key).save(OAuthTokens.of(issued.accessToken(), issued.refreshToken(),
                    Instant.now().plus(LIFETIME), workspace, scopes));
            grants.put(key, issued.grantId());
        }
        return grants;
    }

    private Process startInstance(int i, String base, LocalPostgres pg, String keys, long seconds)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), SoakWorker.class.getName(), base,
                pg.jdbcUrl("postgres"), pg.user(), keys, Integer.toString(THREADS), Long.toString(seconds * 1000),
                Long.toString(MARGIN.toMillis()))
                .redirectOutput(dir.resolve("instance-" + i + ".out").toFile())
                .redirectError(dir.resolve("instance-" + i + ".err").toFile());
        pb.environment().put("PDPKIT_SOAK_DB_PASSWORD", pg.password());
        return pb.start();
    }

    private Figures collect(List<Process> children, long seconds) throws Exception {
        Figures f = new Figures();
        for (int i = 0; i < children.size(); i++) {
            Process child = children.get(i);
            boolean exited = child.waitFor(seconds + 90, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            String out = Files.readString(dir.resolve("instance-" + i + ".out"), StandardCharsets.UTF_8);
            String err = Files.readString(dir.resolve("instance-" + i + ".err"), StandardCharsets.UTF_8);
            assertThat(exited).as("instance %d finished", i).isTrue();
            assertThat(child.exitValue()).as("instance %d exit; stderr: %s", i, tail(err)).isZero();
            Matcher m = RESULT.matcher(out);
            assertThat(m.find()).as("instance %d summary: %s", i, out).isTrue();
            f.calls += Long.parseLong(m.group(1));
            f.failures += Long.parseLong(m.group(2));
            f.logouts += Long.parseLong(m.group(3));
            Matcher w = WINDOW.matcher(out);
            assertThat(w.find()).as("instance %d window: %s", i, out).isTrue();
            f.firstStart = Math.min(f.firstStart, Long.parseLong(w.group(1)));
            f.lastEnd = Math.max(f.lastEnd, Long.parseLong(w.group(2)));
            Matcher r = REFRESHES.matcher(out);
            while (r.find()) {
                f.refreshesPerKey.merge(r.group(1), Long.parseLong(r.group(2)), Long::sum);
            }
            out.lines().filter(l -> l.startsWith("FAILURE")).limit(5).forEach(f.failureLines::add);
        }
        return f;
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }

    private static final class Figures {
        long calls;
        long failures;
        long logouts;
        long firstStart = Long.MAX_VALUE;
        long lastEnd;
        final Map<String, Long> refreshesPerKey = new LinkedHashMap<>();
        final List<String> failureLines = new ArrayList<>();
    }
}
