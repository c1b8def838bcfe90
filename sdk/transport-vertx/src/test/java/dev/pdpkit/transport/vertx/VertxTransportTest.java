package dev.pdpkit.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the Vert.x transport adds to the conformance suite: its pool, its event loops, shared instances. */
class VertxTransportTest {
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private static HttpRequest get(String url, Duration timeout) {
        return HttpRequest.of("GET", url, Map.of(), null, timeout);
    }

    @Test
    void anAttemptThatNeverGetsAPooledConnectionFailsAsNeverSent() throws Exception {
        try (LoopbackServer server = LoopbackServer.silent();
             VertxTransport transport = VertxTransport.builder().eventLoops(1).maxConnections(1).build()) {
            CompletableFuture<HttpResponse> first = transport.sendAsync(get(server.baseUrl() + "/v1/hang", BUDGET));
            assertThat(server.requestHead()).startsWith("GET /v1/hang");
            HttpRequest post = HttpRequest.of("POST", server.baseUrl() + "/v1/projects", Map.of(),
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofMillis(200));

            Throwable t = catchThrowable(() -> transport.send(post));

            assertThat(t).isInstanceOf(PrismaTimeoutException.class).hasMessageContaining("POST /v1/projects");
            assertThat(((PrismaTimeoutException) t).requestMayHaveBeenSent()).isFalse();
            first.cancel(true);
        }
    }

    @Test
    void aBudgetOfSecondsIsEnforcedByTheSweepAndClosesTheConnection() throws Exception {
        try (LoopbackServer server = LoopbackServer.silent();
             VertxTransport transport = VertxTransport.create()) {
            // Past the threshold for an exact timer of its own: the periodic sweep ends this one.
            Throwable t = catchThrowable(() -> transport.send(get(server.baseUrl() + "/v1/hang",
                    Duration.ofMillis(2_100))));

            assertThat(t).isInstanceOf(PrismaTimeoutException.class).hasMessageContaining("GET /v1/hang");
            assertThat(((PrismaTimeoutException) t).requestMayHaveBeenSent()).isTrue();
            assertThat(server.clientClosedConnection()).isTrue();
        }
    }

    @Test
    void sendRefusesToBlockAnEventLoop() throws Exception {
        try (VertxTransport transport = VertxTransport.create()) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            transport.vertx().runOnContext(v -> failure.complete(
                    catchThrowable(() -> transport.send(get("http://127.0.0.1:9/v1/me", BUDGET)))));

            Throwable t = failure.get(10, TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(PrismaNetworkException.class).hasMessageContaining("event loop");
            assertThat(((PrismaNetworkException) t).requestMayHaveBeenSent()).isFalse();
        }
    }

    @Test
    void closingATransportOnTheApplicationsVertxAndClientLeavesThemOpen() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (LoopbackServer server = LoopbackServer.replyingThenClosing(
                "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")) {
            HttpClient client = vertx.createHttpClient();
            VertxTransport shared = VertxTransport.of(vertx, client);
            VertxTransport ownClient = VertxTransport.builder().vertx(vertx).build();
            shared.close();
            ownClient.close();

            int status = client.request(HttpMethod.GET, server.port(), "127.0.0.1", "/v1/me")
                    .compose(r -> r.send()).map(r -> r.statusCode())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(status).isEqualTo(204);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void callsStartedFromACompletionStayOnTheConnectionsOfItsEventLoop() throws Exception {
        // An application on an event loop starts its next call where the last one completed. Sent through another
        // loop's client, it would take (or open) a connection on that loop and hand its answer back across threads.
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        // One connection per loop: a call started while the last one's connection is being handed back waits for it
        // rather than opening a second.
        try (VertxTransport transport = VertxTransport.builder().eventLoops(4).maxConnections(4).build()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/me";
            CompletableFuture<Integer> chain = new CompletableFuture<>();
            callInTurn(transport, url, 8, chain);

            assertThat(chain.get(10, TimeUnit.SECONDS)).isEqualTo(204);
            assertThat(clientPorts).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCallerOffTheEventLoopsIsGivenTheLeastBusyLoop() throws Exception {
        // One exchange hangs on a loop; every later call from this thread goes to the other loop, which has nothing
        // in flight once each call has ended (taken in turn, every second call would land beside the hanging one).
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try {
                if (exchange.getRequestURI().getPath().endsWith("/hang")) {
                    release.await();
                } else {
                    Thread.sleep(30); // the completion stage below is registered long before the answer
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
        try (VertxTransport transport = VertxTransport.builder().eventLoops(2).build()) {
            CompletableFuture<HttpResponse> hanging = transport.sendAsync(get(base + "hang", BUDGET));
            Set<String> loops = new java.util.HashSet<>();
            for (int i = 0; i < 6; i++) {
                loops.add(transport.sendAsync(get(base + "quick", BUDGET))
                        .thenApply(r -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS));
            }

            assertThat(loops).hasSize(1);
            release.countDown();
            assertThat(hanging.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        } finally {
            release.countDown();
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private static void callInTurn(VertxTransport transport, String url, int left, CompletableFuture<Integer> end) {
        transport.sendAsync(get(url, BUDGET)).whenComplete((response, failure) -> {
            if (failure != null) {
                end.completeExceptionally(failure);
            } else if (left == 1) {
                end.complete(response.statusCode());
            } else {
                callInTurn(transport, url, left - 1, end);
            }
        });
    }

    @Test
    void theBuilderRejectsNonsense() {
        assertThatThrownBy(() -> VertxTransport.builder().eventLoops(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VertxTransport.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VertxTransport.builder().keepAlive(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VertxTransport.DEFAULT_MAX_CONNECTIONS)
                .isEqualTo(dev.pdpkit.client.okhttp.OkHttpTransport.DEFAULT_MAX_IDLE_CONNECTIONS);
    }

}
