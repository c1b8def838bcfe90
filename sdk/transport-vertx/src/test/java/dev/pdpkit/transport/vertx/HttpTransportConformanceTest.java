package dev.pdpkit.transport.vertx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.http.HttpRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.http.HttpTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every {@link HttpTransport} must do, against real servers on loopback: move bytes exactly, return every
 * status, fail with the SDK's network exceptions telling "never sent" apart, honour the attempt's budget, cancel, and
 * keep secrets out of messages. A transport's test extends this class and supplies the transport; nothing here names
 * Vert.x, so the suite can move to a shared testing module as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpTransportConformanceTest {
    static final String SECRET = "s3cret-token-value";
    static final Duration BUDGET = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private HttpTransport transport;

    /** @return a new transport for this class's tests; closed after them */
    abstract HttpTransport newTransport();

    @BeforeAll
    void openTransport() {
        transport = newTransport();
    }

    @AfterAll
    void closeTransport() {
        transport.close();
    }

    static HttpRequest get(String url, Duration timeout) {
        return HttpRequest.of("GET", url, Map.of("Authorization", List.of("Bearer " + SECRET)), null, timeout);
    }

    @Test
    void everyStatusComesBackAsAResponseWithItsBodyAndNoRedirectIsFollowed() {
        wm.stubFor(any(urlEqualTo("/v1/gone")).willReturn(aResponse().withStatus(404).withBody("{\"error\":1}")));
        wm.stubFor(any(urlEqualTo("/v1/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", wm.baseUrl() + "/v1/gone")));
        wm.stubFor(any(urlEqualTo("/v1/broken")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "0")));

        HttpResponse gone = transport.send(get(wm.baseUrl() + "/v1/gone", BUDGET));
        HttpResponse moved = transport.send(get(wm.baseUrl() + "/v1/moved", BUDGET));
        HttpResponse broken = transport.sendAsync(get(wm.baseUrl() + "/v1/broken", BUDGET)).join();

        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":1}");
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(moved.headers().first("location")).hasValue(wm.baseUrl() + "/v1/gone");
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.headers().all("Retry-After")).containsExactly("0");
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))).hasSize(3);
    }

    @Test
    void responseHeadersAndBodyBytesArriveExactly() {
        byte[] body = {0, (byte) 0xff, (byte) 0xc3, '{', '"', 0x7f, (byte) 0x80, '\n'};
        wm.stubFor(any(urlEqualTo("/v1/raw")).willReturn(aResponse().withStatus(200).withBody(body)
                .withHeader("Set-Cookie", "a=1").withHeader("Set-Cookie", "b=2")
                .withHeader("X-Request-Id", "req_42")));

        HttpResponse r = transport.sendAsync(get(wm.baseUrl() + "/v1/raw", BUDGET)).join();

        assertThat(r.body()).containsExactly(body);
        assertThat(r.headers().all("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(r.headers().requestId()).hasValue("req_42");
    }

    @Test
    void theRequestGoesOutExactly() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
        byte[] body = "{\"name\":\"é\",\"n\":1}".getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.of("POST", wm.baseUrl() + "/v1/projects?cursor=a%2Fb&limit=2",
                Map.of("Authorization", List.of("Bearer " + SECRET), "X-Multi", List.of("one", "two")), body, BUDGET);

        assertThat(transport.send(post).statusCode()).isEqualTo(201);
        for (int i = 0; i < 2; i++) { // twice: nothing about an empty body is used up by the first
            assertThat(transport.send(HttpRequest.of("PATCH", wm.baseUrl() + "/v1/empty", Map.of(), null, BUDGET))
                    .statusCode()).isEqualTo(201);
        }

        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/projects?cursor=a%2Fb&limit=2"))).get(0);
        assertThat(sent.getBody()).containsExactly(body);
        assertThat(sent.getHeaders().getHeader("X-Multi").values()).containsExactly("one", "two");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
        // Jetty, under WireMock, spells the charset in capitals whatever arrived.
        assertThat(sent.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
        assertThat(sent.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
        wm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(urlEqualTo("/v1/empty"))
                .withHeader("Content-Length", equalTo("0")));
    }

    @Test
    void sendAsyncReturnsBeforeTheResponseArrives() {
        wm.stubFor(any(urlEqualTo("/v1/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));

        CompletableFuture<HttpResponse> future = transport.sendAsync(get(wm.baseUrl() + "/v1/slow", BUDGET));

        assertThat(future).isNotDone();
        assertThat(future.join().statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedConnectionFailsAsNeverSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpRequest post = HttpRequest.of("POST", "http://127.0.0.1:" + closedPort + "/v1/projects",
                Map.of("Authorization", List.of("Bearer " + SECRET)), SECRET.getBytes(StandardCharsets.UTF_8), BUDGET);

        Throwable sync = catchThrowable(() -> transport.send(post));
        Throwable async = catchThrowable(() -> transport.sendAsync(post).join());

        assertThat(sync).isInstanceOf(PrismaNetworkException.class).isNotInstanceOf(PrismaTimeoutException.class);
        assertThat(((PrismaNetworkException) sync).requestMayHaveBeenSent()).isFalse();
        assertThat(sync.getMessage()).contains("POST /v1/projects");
        assertThat(async).isInstanceOf(CompletionException.class).hasCauseInstanceOf(PrismaNetworkException.class);
        assertThat(((PrismaNetworkException) async.getCause()).requestMayHaveBeenSent()).isFalse();
        assertNoSecret(sync);
    }

    @Test
    void aServerClosingMidResponseFailsAsMaybeSent() throws Exception {
        try (LoopbackServer server = LoopbackServer.replyingThenClosing(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"data\":")) {
            HttpRequest post = HttpRequest.of("POST", server.baseUrl() + "/v1/projects",
                    Map.of("Authorization", List.of("Bearer " + SECRET)), "{}".getBytes(StandardCharsets.UTF_8),
                    BUDGET);

            Throwable t = catchThrowable(() -> transport.send(post));

            assertThat(t).isInstanceOf(PrismaNetworkException.class);
            assertThat(((PrismaNetworkException) t).requestMayHaveBeenSent()).isTrue();
            assertNoSecret(t);
        }
    }

    @Test
    void theAttemptBudgetBoundsTheWholeExchange() {
        // Headers come at once, the body only after the budget: a timeout on the first byte would not catch it.
        wm.stubFor(any(urlEqualTo("/v1/trickle")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")
                .withChunkedDribbleDelay(2, 3_000)));
        HttpRequest request = get(wm.baseUrl() + "/v1/trickle", Duration.ofMillis(300));

        Throwable sync = catchThrowable(() -> transport.send(request));
        Throwable async = catchThrowable(() -> transport.sendAsync(request).join());

        assertThat(sync).isInstanceOf(PrismaTimeoutException.class).hasMessageContaining("GET /v1/trickle");
        assertThat(((PrismaTimeoutException) sync).requestMayHaveBeenSent()).isTrue();
        assertThat(async).hasCauseInstanceOf(PrismaTimeoutException.class);
        assertNoSecret(sync);
    }

    @Test
    void cancellingTheFutureClosesTheExchange() throws Exception {
        try (LoopbackServer server = LoopbackServer.silent()) {
            CompletableFuture<HttpResponse> future = transport.sendAsync(get(server.baseUrl() + "/v1/hang", BUDGET));
            assertThat(server.requestHead()).startsWith("GET /v1/hang HTTP/1.1");

            assertThat(future.cancel(true)).isTrue();

            assertThat(server.clientClosedConnection()).as("the transport closed the connection").isTrue();
            assertThat(future).isCancelled();
        }
    }

    static void assertNoSecret(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain(SECRET);
            assertThat(c.toString()).doesNotContain(SECRET);
        }
    }
}
