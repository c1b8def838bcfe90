package dev.pdpkit.client.async;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.http.AttemptEvent;
import dev.pdpkit.client.model.Project;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The non-blocking client over a loopback WireMock: results, typed failures, scheduled retries, cancellation. */
class AsyncClientTest {
    /** A project as the API returns it, for the other async tests too. */
    static final String PROJECT = "{\"id\":\"proj_1\",\"type\":\"project\",\"url\":\"u\",\"name\":\"shop\","
            + "\"logicalId\":null,\"createdAt\":\"2026-01-02T03:04:05Z\",\"defaultRegion\":null,"
            + "\"workspace\":{\"id\":\"wksp_1\",\"url\":\"u\",\"name\":\"w\"},\"settings\":null}";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();
    private PrismaManagement client;

    private PrismaManagement client(Credentials credentials) {
        client = PrismaManagement.builder().baseUrl(wm.baseUrl()).credentials(credentials)
                .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(20)).build())
                .attemptListener(events::add).build();
        return client;
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void getReturnsTheModelWithoutBlockingAndRetriesOnAScheduler() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).inScenario("s").whenScenarioStateIs("up")
                .willReturn(okJson("{\"data\":" + PROJECT + "}")));

        CompletableFuture<Project> future = client(Credentials.serviceToken("t0k")).async().projects().get("proj_1");

        assertThat(future.get(10, TimeUnit.SECONDS).name()).isEqualTo("shop");
        assertThat(events).extracting(AttemptEvent::outcome)
                .containsExactly(AttemptEvent.Outcome.RETRYING, AttemptEvent.Outcome.SUCCEEDED);
        assertThat(events.get(0).status()).hasValue(503);
        assertThat(events.get(1).pathTemplate()).isEqualTo("/v1/projects/{id}");
    }

    @Test
    void failuresArriveAsTheSdksTypedExceptions() {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/nope")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"not_found\",\"message\":\"no such project\"}}")));

        Throwable t = catchThrowable(() -> client(Credentials.serviceToken("t0k")).async().projects().get("nope")
                .get(10, TimeUnit.SECONDS));

        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class);
        assertThat(events).extracting(AttemptEvent::outcome).containsExactly(AttemptEvent.Outcome.FAILED);
    }

    @Test
    void blockingCredentialsRunOnTheClientsOwnThreads() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/projects")).willReturn(okJson(
                "{\"data\":[" + PROJECT + "],\"pagination\":{\"hasMore\":false,\"nextCursor\":null}}")));
        List<String> threads = new CopyOnWriteArrayList<>();
        Credentials refreshing = () -> {
            threads.add(Thread.currentThread().getName());
            return "t0k";
        };

        Page<Project> page = client(refreshing).async().projects().list().get(10, TimeUnit.SECONDS);

        assertThat(page.data()).extracting(Project::id).containsExactly("proj_1");
        assertThat(threads).singleElement().asString().startsWith("pdpkit-async-");
    }

    @Test
    void cancellingStopsTheRetries() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1")));

        CompletableFuture<Project> future = client(Credentials.serviceToken("t0k")).async().projects().get("proj_1");
        while (wm.findAll(getRequestedFor(urlPathEqualTo("/v1/projects/proj_1"))).isEmpty()) {
            Thread.sleep(10);
        }
        future.cancel(true);
        Thread.sleep(1500); // longer than the Retry-After: a retry that was not stopped would have been sent

        assertThat(future).isCancelled();
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v1/projects/proj_1")))).hasSize(1);
    }

    @Test
    void aBadIdIsRefusedBeforeAnyRequest() {
        Throwable t = catchThrowable(() -> client(Credentials.serviceToken("t0k")).async().projects().get(".."));

        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
        assertThat(t).isNotInstanceOf(PrismaException.class);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
