package dev.pdpkit.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child JVM of {@link MultiProcessRefreshTest}: calls a protected endpoint in a loop from several threads through
 * {@link OAuthCredentials} backed by a shared {@link FileTokenStore}, and prints a summary line.
 *
 * <p>Arguments: issuer, token file, API URL, run time in milliseconds, thread count.
 *
 * <p>The worker's clock runs 2.5 s late during every other six-second period of wall-clock time (the same periods in
 * every worker). While late, every process believes tokens are valid after the server expired them, so calls meet
 * 401s and refresh reactively; in the other periods tokens are refreshed proactively before they expire.
 */
public final class RefreshWorker {
    private RefreshWorker() {
    }

    public static void main(String[] args) throws Exception {
        String issuer = args[0];
        Path tokenFile = Path.of(args[1]);
        URI api = URI.create(args[2]);
        long runMillis = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);

        PrismaOAuth oauth = PrismaOAuth.builder()
                .clientId(AuthServerFixture.PUBLIC_CLIENT)
                .issuer(issuer)
                .tokenStore(new FileTokenStore(tokenFile))
                .refreshMargin(Duration.ofSeconds(1))
                .clock(new AlternatingSkewClock())
                .build();
        OAuthCredentials credentials = oauth.credentials();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        AtomicLong calls = new AtomicLong();
        AtomicLong retriedAfter401 = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + Duration.ofMillis(runMillis).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    calls.incrementAndGet();
                    try {
                        String token = credentials.bearerToken();
                        int status = call(http, api, token);
                        if (status == 401) {
                            // What the API client does: refresh once, retry once.
                            retriedAfter401.incrementAndGet();
                            credentials.refreshAfterUnauthorized(token);
                            status = call(http, api, credentials.bearerToken());
                        }
                        if (status != 200) {
                            failures.add("HTTP " + status);
                        }
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        System.out.println("RESULT calls=" + calls.get() + " failures=" + failures.size() + " retried401="
                + retriedAfter401.get());
        failures.stream().limit(20).forEach(f -> System.out.println("FAILURE " + f));
        System.out.flush();
    }

    /** Late by 2.5 s in even six-second periods, exact in odd ones. */
    static final class AlternatingSkewClock extends java.time.Clock {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            java.time.Instant now = java.time.Instant.now();
            return (now.getEpochSecond() / 6) % 2 == 0 ? now.minusMillis(2500) : now;
        }
    }

    private static int call(HttpClient http, URI api, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
