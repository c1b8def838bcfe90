package dev.pdpkit.client.async;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RawResponse;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.model.Project;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code client.async()....withRawResponse()}: status, headers and the body as sent, decoded on demand. */
class AsyncRawResponseTest {
    private static final String PROJECT = AsyncClientTest.PROJECT;

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private PrismaManagement client;

    @BeforeEach
    void open() {
        client = PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken("t0k").build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aGetGivesStatusHeadersRawBodyAndTheModel() throws Exception {
        String body = "{\"data\":" + PROJECT + "}";
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(okJson(body)
                .withHeader("X-Request-Id", "req_async_raw")));

        RawResponse<Project> raw = client.async().projects().withRawResponse().get("proj_1")
                .get(10, TimeUnit.SECONDS);

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.requestId()).hasValue("req_async_raw");
        assertThat(new String(raw.rawBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(raw.body().name()).isEqualTo("shop");
    }

    @Test
    void aBodyThatIsNotJsonStillArrivesRawAndFailsTypedOnlyWhenRead() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(okJson("{\"data\":{\"id\":")));

        RawResponse<Project> raw = client.async().projects().withRawResponse().get("proj_1")
                .get(10, TimeUnit.SECONDS);

        assertThat(raw.rawBodyText()).isEqualTo("{\"data\":{\"id\":");
        assertThat(catchThrowable(raw::body)).isInstanceOf(PrismaDecodeException.class);
    }

    @Test
    void aRawFirstPageStillPagesWithoutBlocking() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/projects")).withQueryParam("cursor", com.github.tomakehurst.wiremock
                .client.WireMock.absent()).willReturn(okJson("{\"data\":[" + PROJECT + "],\"pagination\":"
                + "{\"hasMore\":true,\"nextCursor\":\"c2\"}}")));
        wm.stubFor(get(urlPathEqualTo("/v1/projects")).withQueryParam("cursor", com.github.tomakehurst.wiremock
                .client.WireMock.equalTo("c2")).willReturn(okJson("{\"data\":[" + PROJECT.replace("proj_1", "proj_2")
                + "],\"pagination\":{\"hasMore\":false,\"nextCursor\":null}}")));

        RawResponse<Page<Project>> raw = client.async().projects().withRawResponse().list()
                .get(10, TimeUnit.SECONDS);
        Page<Project> second = raw.body().nextPageAsync().get(10, TimeUnit.SECONDS);

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body().data()).extracting(Project::id).containsExactly("proj_1");
        assertThat(second.data()).extracting(Project::id).containsExactly("proj_2");
    }

    @Test
    void anErrorStatusFailsTheFutureWithTheTypedException() {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/nope")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"not_found\",\"message\":\"no such project\"}}")));

        Throwable t = catchThrowable(() -> client.async().projects().withRawResponse().get("nope")
                .get(10, TimeUnit.SECONDS));

        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void subGroupsHaveRawViewsToo() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1/databases")).willReturn(okJson(
                "{\"data\":[],\"pagination\":{\"hasMore\":false,\"nextCursor\":null}}")));

        int status = client.async().projects().withRawResponse().databases().list("proj_1")
                .get(10, TimeUnit.SECONDS).statusCode();

        assertThat(status).isEqualTo(200);
    }
}
