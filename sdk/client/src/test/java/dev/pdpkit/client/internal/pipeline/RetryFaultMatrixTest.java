package dev.pdpkit.client.internal.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.BadRequestException;
import dev.pdpkit.client.errors.ConflictException;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.errors.RateLimitException;
import dev.pdpkit.client.errors.UnprocessableEntityException;
import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.ResponseBody;
import dev.pdpkit.client.internal.json.Json;
import dev.pdpkit.client.testing.FakeTime;
import dev.pdpkit.client.testing.TestPipelines;
import dev.pdpkit.client.testing.TreeCodec;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault matrix: for each fault, a GET succeeds when the fault is transient and fails with the right typed exception
 * when it persists, within the time budget. Time is fake: back-offs advance a clock instead of sleeping.
 */
class RetryFaultMatrixTest {
    private static final String PATH = "/v1/projects";
    private static final String OK_BODY = "{\"data\":{\"id\":\"proj_1\"}}";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private FakeTime time;

    @BeforeEach
    void setUp() {
        time = new FakeTime();
    }

    private ClientContext client(RetryPolicy policy) {
        return client(policy, Duration.ofSeconds(5));
    }

    /** Only the read-timeout cases get a short read timeout: on a loaded machine 300 ms is not always enough. */
    private ClientContext client(RetryPolicy policy, Duration readTimeout) {
        return TestPipelines.context(wm.baseUrl(), Credentials.serviceToken("t0k"), policy, time,
                Duration.ofSeconds(60), readTimeout);
    }

    private static Duration readTimeoutFor(String faultName) {
        return faultName.contains("timeout") ? Duration.ofMillis(300) : Duration.ofSeconds(5);
    }

    private static RetryPolicy retries(int n) {
        return RetryPolicy.builder().maxRetries(n).initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(2)).build();
    }

    /** Answers the given responses in order, then keeps answering the last one. */
    private static void sequence(List<ResponseDefinitionBuilder> responses) {
        String scenario = "seq-" + java.util.UUID.randomUUID();
        for (int i = 0; i < responses.size(); i++) {
            var stub = any(urlPathEqualTo(PATH)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "s" + i);
            if (i < responses.size() - 1) {
                stub = stub.willSetStateTo("s" + (i + 1));
            }
            wm.stubFor(stub.willReturn(responses.get(i)));
        }
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK_BODY);
    }

    private static ApiRequest getRequest() {
        return ApiRequest.builder("getV1Projects", "GET", PATH).build();
    }

    private static ApiRequest createRequest() {
        return ApiRequest.builder("postV1Projects", "POST", PATH)
                .body(Json.NODES.objectNode().put("name", "x")).build();
    }

    private JsonNode send(ClientContext ctx, ApiRequest req, RequestOptions opts) {
        return ctx.execute(req, opts, ResponseBody.data(TreeCodec.INSTANCE));
    }

    private static int attempts() {
        return wm.findAll(anyRequestedFor(urlPathEqualTo(PATH))).size();
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        PrismaNetworkException.class),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE),
                        PrismaNetworkException.class),
                Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                        PrismaNetworkException.class),
                Arguments.of("garbage then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                        PrismaNetworkException.class),
                Arguments.of("delay past read timeout", ok().withFixedDelay(1500), PrismaTimeoutException.class),
                Arguments.of("500", aResponse().withStatus(500), InternalServerException.class),
                Arguments.of("502", aResponse().withStatus(502), InternalServerException.class),
                Arguments.of("503", aResponse().withStatus(503), InternalServerException.class),
                Arguments.of("504", aResponse().withStatus(504), InternalServerException.class),
                Arguments.of("429", aResponse().withStatus(429), RateLimitException.class),
                Arguments.of("408", aResponse().withStatus(408), PrismaApiException.class));
    }

    @ParameterizedTest(name = "{0}: transient")
    @MethodSource("transientFaults")
    void getRidesThroughATransientFault(String name, ResponseDefinitionBuilder fault, Class<?> ignored) {
        sequence(List.of(fault, ok()));

        JsonNode data = send(client(retries(2), readTimeoutFor(name)), getRequest(), RequestOptions.none());

        assertThat(data.get("id").asText()).isEqualTo("proj_1");
        assertThat(attempts()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}: persistent")
    @MethodSource("transientFaults")
    void getFailsWithTheTypedExceptionWhenTheFaultPersists(String name, ResponseDefinitionBuilder fault,
                                                           Class<?> expected) {
        sequence(List.of(fault));

        Throwable t = catchThrowable(() -> send(client(retries(2), readTimeoutFor(name)), getRequest(),
                RequestOptions.none()));

        assertThat(t).isInstanceOf(expected);
        assertThat(attempts()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        sequence(List.of(aResponse().withStatus(429).withHeader("Retry-After", "7"), ok()));

        send(client(retries(2)), getRequest(), RequestOptions.none());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        // FakeTime starts at 2026-11-23T10:00:00Z; the server asks to come back 12 s later.
        sequence(List.of(aResponse().withStatus(503).withHeader("Retry-After", "Mon, 23 Nov 2026 10:00:12 GMT"),
                ok()));

        send(client(retries(2)), getRequest(), RequestOptions.none());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterLongerThanTheCapEndsTheRetries() {
        sequence(List.of(aResponse().withStatus(429).withHeader("Retry-After", "3600"), ok()));
        RetryPolicy policy = retries(3).toBuilder().maxRetryAfter(Duration.ofSeconds(30)).build();

        Throwable t = catchThrowable(() -> send(client(policy), getRequest(), RequestOptions.none()));

        assertThat(t).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) t).retryAfter()).contains(Duration.ofHours(1));
        assertThat(attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aBurstOf503sIsRiddenThroughWithEnoughRetries() {
        sequence(List.of(aResponse().withStatus(503), aResponse().withStatus(503), aResponse().withStatus(503),
                aResponse().withStatus(503), ok()));

        send(client(retries(5)), getRequest(), RequestOptions.none());

        assertThat(attempts()).isEqualTo(5);
        // Exponential with equal jitter: each wait is between half and all of 100, 200, 400, 800 ms.
        List<Duration> sleeps = time.sleeps();
        for (int i = 0; i < sleeps.size(); i++) {
            long full = 100L << i;
            assertThat(sleeps.get(i).toMillis()).isBetween(full / 2, full);
        }
    }

    @Test
    void theTimeBudgetBoundsTheRetries() {
        sequence(List.of(aResponse().withStatus(503).withHeader("Retry-After", "4")));
        ClientContext ctx = TestPipelines.context(wm.baseUrl(), Credentials.serviceToken("t0k"), retries(50), time,
                Duration.ofSeconds(10), Duration.ofSeconds(2));

        Throwable t = catchThrowable(() -> send(ctx, getRequest(), RequestOptions.none()));

        assertThat(t).isInstanceOf(InternalServerException.class);
        assertThat(time.totalSlept()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(attempts()).isEqualTo(3); // waits of 4 s at 0 s and 4 s; a third wait would end at 12 s
    }

    @Test
    void perCallOptionsOverrideRetriesAndBudget() {
        sequence(List.of(aResponse().withStatus(503)));

        Throwable t = catchThrowable(() -> send(client(retries(5)), getRequest(),
                RequestOptions.builder().maxRetries(0).build()));

        assertThat(t).isInstanceOf(InternalServerException.class);
        assertThat(attempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
    void otherClientErrorsAreNeverRetried(int status) {
        sequence(List.of(aResponse().withStatus(status), ok()));

        Throwable t = catchThrowable(() -> send(client(retries(3)), getRequest(), RequestOptions.none()));

        assertThat(t).isInstanceOf(PrismaApiException.class);
        assertThat(((PrismaApiException) t).statusCode()).isEqualTo(status);
        assertThat(attempts()).isEqualTo(1);
    }

    @Test
    void typedClientErrorsKeepTheirClasses() {
        sequence(List.of(aResponse().withStatus(404)));
        assertThat(catchThrowable(() -> send(client(retries(3)), getRequest(), RequestOptions.none())))
                .isInstanceOf(NotFoundException.class);
        wm.resetAll();
        sequence(List.of(aResponse().withStatus(409)));
        assertThat(catchThrowable(() -> send(client(retries(3)), getRequest(), RequestOptions.none())))
                .isInstanceOf(ConflictException.class);
        wm.resetAll();
        sequence(List.of(aResponse().withStatus(422)));
        assertThat(catchThrowable(() -> send(client(retries(3)), getRequest(), RequestOptions.none())))
                .isInstanceOf(UnprocessableEntityException.class);
        wm.resetAll();
        sequence(List.of(aResponse().withStatus(400)));
        assertThat(catchThrowable(() -> send(client(retries(3)), getRequest(), RequestOptions.none())))
                .isInstanceOf(BadRequestException.class);
    }

    static Stream<Arguments> faultsAfterSending() {
        return Stream.of(
                Arguments.of("503", aResponse().withStatus(503)),
                Arguments.of("500", aResponse().withStatus(500)),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of("read timeout", ok().withFixedDelay(1500)));
    }

    @ParameterizedTest(name = "POST is not repeated after {0}")
    @MethodSource("faultsAfterSending")
    void aPlainPostIsNotRepeatedOnceItMayHaveReachedTheServer(String name, ResponseDefinitionBuilder fault) {
        sequence(List.of(fault, ok()));

        Throwable t = catchThrowable(() -> send(client(retries(3), readTimeoutFor(name)), createRequest(),
                RequestOptions.none()));

        assertThat(t).isNotNull();
        assertThat(attempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "POST opted in is retried after {0}")
    @MethodSource("faultsAfterSending")
    void aPostOptedInPerCallIsRetried(String name, ResponseDefinitionBuilder fault) {
        sequence(List.of(fault, ok()));

        send(client(retries(3), readTimeoutFor(name)), createRequest(),
                RequestOptions.builder().retryNonIdempotent(true).build());

        assertThat(attempts()).isEqualTo(2);
    }

    @Test
    void aPostThatCouldNotConnectIsRetriedBecauseItNeverLeft() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ClientContext ctx = TestPipelines.context("http://127.0.0.1:" + closedPort, Credentials.serviceToken("t"),
                retries(2), time);

        Throwable t = catchThrowable(() -> send(ctx, createRequest(), RequestOptions.none()));

        assertThat(t).isInstanceOf(PrismaNetworkException.class);
        assertThat(((PrismaNetworkException) t).requestMayHaveBeenSent()).isFalse();
        assertThat(time.sleeps()).hasSize(2); // two retries happened
    }
}
