package dev.pdpkit.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.model.Me;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole client over a transport that is not OkHttp. */
class TransportSeamTest {
    private static final String ME = "{\"data\":{\"user\":null,\"workspace\":{\"id\":\"wksp_1\",\"url\":\"u\","
            + "\"name\":\"w\"},\"credential\":{\"type\":\"service_token\"}}}";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void aJdkHttpClientTransportCarriesBlockingAndAsyncCallsWithTheClientsStatusMapping() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(okJson(ME)));
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_x")).willReturn(aResponse().withStatus(403)));
        JdkHttpClientTransport transport = new JdkHttpClientTransport();
        try (PrismaManagement client = PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken("t0k")
                .transport(transport).retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ZERO).build())
                .build()) {
            Me me = client.me().get();
            assertThat(me.workspace().orElseThrow().id()).isEqualTo("wksp_1");
            assertThat(client.async().me().get().get(10, TimeUnit.SECONDS)).isEqualTo(me);

            assertThat(catchThrowable(() -> client.projects().get("proj_x")))
                    .isInstanceOf(PermissionDeniedException.class);
        }
        assertThat(transport.sent()).isEqualTo(3);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/me")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer t0k")));
    }
}
