package dev.pdpkit.client.hardening;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.hardening.RawHttpServer.Step;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/** One cell of the fault matrix: a fault, an operation, and whether every attempt or only the first one fails. */
record MatrixCase(FaultKind fault, MatrixOp op, boolean everyAttempt) {
    static final Duration BUDGET = Duration.ofMillis(1500);
    static final String TOKEN = "matrix-token-SECRET-0000";

    /** What happened, as seen by the caller and by the server. */
    record Outcome(String result, Throwable error, long millis, long posts, long requests, int created,
                   String lastCreatedId) {
        boolean succeeded() {
            return error == null;
        }
    }

    @Override
    public String toString() {
        return fault + " x " + op + (everyAttempt ? " (every attempt)" : " (first attempt only)");
    }

    Outcome run(RawHttpServer server) throws IOException, InterruptedException {
        ProjectsApp app = new ProjectsApp();
        server.dropConnections();
        server.idleCloseMillis(0);
        server.script(c -> Step.read(app.normal()));
        OkHttpClient http = null;
        String baseUrl = server.baseUrl();
        if (fault == FaultKind.CONNECTION_REFUSED || fault == FaultKind.UNRESOLVABLE_HOST) {
            if (everyAttempt) {
                baseUrl = fault == FaultKind.CONNECTION_REFUSED ? "http://127.0.0.1:" + closedPort()
                        : "https://nonexistent.invalid";
            } else {
                baseUrl = "http://flaky.localhost:" + server.port();
                http = new OkHttpClient.Builder().dns(new FlakyDns(fault == FaultKind.CONNECTION_REFUSED, 1)).build();
            }
        }
        PrismaManagement client = client(baseUrl, http);
        try {
            if (fault == FaultKind.STALE_POOLED_CONNECTION) {
                goStale(server, client);
            }
            AtomicInteger faultsLeft = new AtomicInteger(everyAttempt ? Integer.MAX_VALUE : 1);
            server.script(c -> faultsLeft.getAndDecrement() > 0 && !fault.atConnection() ? fault.step(app)
                    : fault == FaultKind.STALE_POOLED_CONNECTION && everyAttempt ? Step.closeBeforeRead()
                    : Step.read(app.normal()));
            server.clearRequests();
            return call(client, server, app);
        } finally {
            client.close();
            if (http != null) {
                http.connectionPool().evictAll();
            }
        }
    }

    private Outcome call(PrismaManagement client, RawHttpServer server, ProjectsApp app) {
        RequestOptions options = RequestOptions.builder().timeout(BUDGET).build();
        long start = System.nanoTime();
        String result = null;
        Throwable error = null;
        try {
            result = op.call(client, options);
        } catch (Throwable t) {
            error = t;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String method = op == MatrixOp.DELETE ? "DELETE" : op.creates() ? "POST" : "GET";
        return new Outcome(result, error, millis, server.count("POST"), server.count(method), app.created(),
                app.lastCreatedId());
    }

    /** Leaves an idle pooled connection that the server closes after 100 ms; the call comes 300 ms later. */
    private static void goStale(RawHttpServer server, PrismaManagement client) throws InterruptedException {
        server.idleCloseMillis(100);
        client.projects().get(ProjectsApp.EXISTING);
        Thread.sleep(300);
    }

    private static PrismaManagement client(String baseUrl, OkHttpClient http) {
        PrismaManagement.Builder b = PrismaManagement.builder().baseUrl(baseUrl).serviceToken(TOKEN)
                .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(50)).build());
        if (http != null) {
            b.transport(OkHttpTransport.of(http));
        }
        return b.build();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
