package dev.pdpkit.transport.vertx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.errors.PrismaNetworkException;
import dev.pdpkit.client.errors.PrismaTimeoutException;
import dev.pdpkit.client.model.Me;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.RegionId;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole client through the Vert.x transport against WireMock: status mapping, retries, faults, timeouts. */
class ClientOverVertxTest {
    private static final String TOKEN = "vertx-token-SECRET-7";
    private static final String ME = "{\"data\":{\"user\":null,\"workspace\":{\"id\":\"wksp_1\",\"url\":\"u\","
            + "\"name\":\"w\"},\"credential\":{\"type\":\"service_token\"}}}";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static VertxTransport transport;
    private static PrismaManagement client;

    @BeforeAll
    static void start() {
        transport = VertxTransport.create();
        client = PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken(TOKEN).transport(transport)
                .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(50)).build())
                .timeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        transport.close();
    }

    @Test
    void statusesBecomeTheClientsTypedErrorsSyncAndAsync() {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_denied")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"forbidden\",\"message\":\"no\"}}")));
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_none")).willReturn(aResponse().withStatus(404)));

        Throwable denied = catchThrowable(() -> client.projects().get("proj_denied"));
        Throwable missing = catchThrowable(() -> client.async().projects().get("proj_none").join());

        assertThat(denied).isInstanceOf(PermissionDeniedException.class);
        assertThat(missing).isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
        assertThat(denied.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aRetryAfterIsHonouredAndTheRetryGoesThroughTheTransport() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/me")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
                .willSetStateTo("ready"));
        wm.stubFor(get(urlPathEqualTo("/v1/me")).inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(okJson(ME)));

        Me me = client.async().me().get().get(10, TimeUnit.SECONDS);

        assertThat(me.workspace().orElseThrow().id()).isEqualTo("wksp_1");
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/me")));
    }

    @Test
    void aCreateThatMayHaveReachedTheServerIsNotRepeatedButAReadIs() {
        wm.stubFor(post(urlPathEqualTo("/v1/projects")).willReturn(aResponse()
                .withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_cut")).willReturn(aResponse()
                .withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        Throwable create = catchThrowable(() -> client.projects().create(
                ProjectCreateParams.builder().name("once").region(RegionId.US_EAST_1).build()));
        Throwable read = catchThrowable(() -> client.projects().get("proj_cut"));

        assertThat(create).isInstanceOf(PrismaNetworkException.class);
        assertThat(((PrismaNetworkException) create).requestMayHaveBeenSent()).isTrue();
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/projects")));
        assertThat(read).isInstanceOf(PrismaNetworkException.class);
        wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/projects/proj_cut")));
    }

    @Test
    void aSlowAnswerEndsInTheClientsTimeout() {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_slow")).willReturn(okJson("{}").withFixedDelay(3_000)));
        Throwable t;
        try (PrismaManagement impatient = client.withOptions(b -> b.timeout(Duration.ofMillis(400)).maxRetries(0))) {
            t = catchThrowable(() -> impatient.async().projects().get("proj_slow").join());
        }

        assertThat(t).hasCauseInstanceOf(PrismaTimeoutException.class);
        assertThat(((PrismaTimeoutException) t.getCause()).requestMayHaveBeenSent()).isTrue();
    }
}
