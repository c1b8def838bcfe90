package dev.pdpkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.oauth.LoginRequiredException;
import dev.pdpkit.oauth.OAuthTokens;
import dev.pdpkit.oauth.PrismaOAuth;
import dev.pdpkit.oauth.TokenListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One application instance of {@link MultiInstanceRefreshSoakTest}, in its own JVM: a connection pool on the shared
 * PostgreSQL, one {@link PrismaOAuth} and API client per principal key over one {@link JdbcTokenStore} table, and
 * threads calling the emulated API ({@code GET /v1/me}) until the run ends. Prints one {@code RESULT} line, a line
 * per key with the refreshes this instance made, and the wall-clock window in which it made calls.
 *
 * <p>Arguments: API base URL (also the issuer), JDBC URL, database user, comma-separated keys, thread count, run time
 * in milliseconds, refresh margin in milliseconds. The database password comes from {@code PDPKIT_SOAK_DB_PASSWORD},
 * so it is not on any command line.
 */
public final class SoakWorker {
    private SoakWorker() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String[] keys = args[3].split(",");
        int threads = Integer.parseInt(args[4]);
        long runMillis = Long.parseLong(args[5]);
        Duration margin = Duration.ofMillis(Long.parseLong(args[6]));

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setUsername(args[2]);
        config.setPassword(System.getenv("PDPKIT_SOAK_DB_PASSWORD"));
        config.setMaximumPoolSize(threads);
        AtomicLongArray refreshes = new AtomicLongArray(keys.length);
        AtomicLong calls = new AtomicLong();
        AtomicLong logouts = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (HikariDataSource ds = new HikariDataSource(config)) {
            JdbcTokenStore table = JdbcTokenStore.builder(ds).build();
            List<PrismaManagement> clients = new ArrayList<>();
            for (int k = 0; k < keys.length; k++) {
                int key = k;
                PrismaOAuth oauth = PrismaOAuth.builder().clientId(PrismaEmulator.PUBLIC_CLIENT_ID).issuer(base)
                        .tokenStore(table.forKey(keys[k])).refreshMargin(margin)
                        .listener(new TokenListener() {
                            @Override
                            public void onRefresh(OAuthTokens tokens) {
                                refreshes.incrementAndGet(key);
                            }
                        }).build();
                clients.add(PrismaManagement.builder().baseUrl(base).credentials(oauth.credentials()).build());
            }
            long firstCall = System.currentTimeMillis();
            // Warm up (class loading, first connections) before the clock starts; failures here count too.
            for (PrismaManagement client : clients) {
                callUntil(0, client, calls, logouts, failures);
            }
            long deadline = System.nanoTime() + Duration.ofMillis(runMillis).toNanos();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PrismaManagement client = clients.get(t % keys.length);
                Thread thread = new Thread(() -> callUntil(deadline, client, calls, logouts, failures));
                thread.start();
                workers.add(thread);
            }
            for (Thread t : workers) {
                t.join();
            }
            clients.forEach(PrismaManagement::close);
            System.out.println("WINDOW start=" + firstCall + " end=" + System.currentTimeMillis());
        }
        System.out.println("RESULT calls=" + calls.get() + " failures=" + failures.size() + " logouts="
                + logouts.get());
        for (int k = 0; k < keys.length; k++) {
            System.out.println("REFRESHES key=" + keys[k] + " count=" + refreshes.get(k));
        }
        failures.stream().limit(20).forEach(f -> System.out.println("FAILURE " + f));
        System.out.flush();
    }

    /** Calls at least once, then until {@code deadline} ({@link System#nanoTime()}) has passed. */
    private static void callUntil(long deadline, PrismaManagement client, AtomicLong calls, AtomicLong logouts,
                                  ConcurrentLinkedQueue<String> failures) {
        do {
            calls.incrementAndGet();
            try {
                client.me().get();
            } catch (LoginRequiredException e) {
                logouts.incrementAndGet();
                failures.add("logged out: " + e.getMessage());
            } catch (RuntimeException e) {
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                return;
            }
        } while (System.nanoTime() - deadline < 0);
    }
}
