package dev.pdpkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.okhttp.OkHttpTransport;
import dev.pdpkit.client.services.SpecConformance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's builder: base URL rules, environment, headers, copies and closing. */
class PrismaManagementBuilderTest {
    private static final String TOKEN = "svc-token-builder-SECRET-abcdef";
    private static final String ME = "{\"data\":{\"user\":{\"id\":\"usr_1\",\"email\":\"ada@example.com\","
            + "\"name\":null},\"workspace\":{\"id\":\"wksp_1\",\"name\":\"Acme\"},"
            + "\"credential\":{\"type\":\"service_token\",\"id\":\"st_1\",\"name\":\"ci\"}}}";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void stubMe() {
        wm.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ME)));
    }

    @AfterEach
    void conformsToSpec() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        assertThat(SpecConformance.violations(wm.getAllServeEvents())).isEmpty();
    }

    private PrismaManagement track(PrismaManagement client) {
        toClose.add(client);
        return client;
    }

    private static List<LoggedRequest> requests() {
        List<LoggedRequest> out = new ArrayList<>();
        for (ServeEvent e : wm.getAllServeEvents()) {
            out.add(e.getRequest());
        }
        Collections.reverse(out);
        return out;
    }

    private static LoggedRequest lastRequest() {
        List<LoggedRequest> all = requests();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.prisma.io", "http://example.com:8080/v1", "http://10.0.0.1",
            "http://u:" + TOKEN + "@example.com/"})
    void refusesPlainHttpToANonLoopbackHost(String url) {
        IllegalArgumentException e = catchThrowableOfType(
                () -> PrismaManagement.builder().serviceToken(TOKEN).baseUrl(url), IllegalArgumentException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("http").doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:8080/", "http://[::1]:8080",
            "https://api.prisma.io"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        PrismaManagement client = track(PrismaManagement.builder().baseUrl(url).serviceToken(TOKEN).build());
        assertThat(client.baseUrl()).startsWith(url.endsWith("/") ? url : url + "/");
    }

    @Test
    void aTrailingV1IsIgnored() {
        PrismaManagement client = track(PrismaManagement.builder().baseUrl(wm.baseUrl() + "/v1/")
                .serviceToken(TOKEN).build());
        assertThat(client.baseUrl()).isEqualTo(wm.baseUrl() + "/");
        client.me().get();
        assertThat(lastRequest().getUrl()).isEqualTo("/v1/me");
    }

    @Test
    void fromEnvReadsTokenAndUrl() {
        Map<String, String> env = Map.of(PrismaManagement.ENV_SERVICE_TOKEN, TOKEN,
                PrismaManagement.ENV_API_URL, wm.baseUrl() + "/v1");
        PrismaManagement client = track(PrismaManagement.builder().fromEnv(env::get).build());
        assertThat(client.me().get().credential().id()).contains("st_1");
        LoggedRequest r = lastRequest();
        assertThat(r.getUrl()).isEqualTo("/v1/me");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeader("User-Agent")).startsWith("pdpkit-java/");
    }

    @Test
    void fromEnvWithoutTheTokenFails() {
        Map<String, String> env = Map.of(PrismaManagement.ENV_API_URL, wm.baseUrl());
        assertThatThrownBy(() -> PrismaManagement.builder().fromEnv(env::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PRISMA_SERVICE_TOKEN");
        assertThatThrownBy(() -> PrismaManagement.builder().fromEnv(Map.of(PrismaManagement.ENV_SERVICE_TOKEN,
                "  ")::get)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void customHeadersAndPerCallHeadersAreSent() {
        PrismaManagement client = track(PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken(TOKEN)
                .header("X-Team", "core").build());
        client.me().get(RequestOptions.builder().header("X-Trace-Id", "trace-1").build());
        LoggedRequest r = lastRequest();
        assertThat(r.getHeader("X-Team")).isEqualTo("core");
        assertThat(r.getHeader("X-Trace-Id")).isEqualTo("trace-1");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");

        client.me().get();
        assertThat(lastRequest().containsHeader("X-Trace-Id")).as("per-call header only on its call").isFalse();
        assertThat(lastRequest().getHeader("X-Team")).isEqualTo("core");
        assertThat(lastRequest().header("X-Team").values()).as("the client's header once").hasSize(1);
        assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(lastRequest().header("Accept").values()).containsExactly("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "AUTHORIZATION"})
    void anAuthorizationHeaderIsRefused(String name) {
        assertThatThrownBy(() -> PrismaManagement.builder().header(name, "Bearer " + TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void withOptionsMakesACopyThatSharesThePool() {
        OkHttpClient shared = new OkHttpClient();
        try {
            PrismaManagement client = track(PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken(TOKEN)
                    .transport(OkHttpTransport.of(shared)).build());
            PrismaManagement copy = client.withOptions(b -> b.header("X-Copy", "yes"));
            client.me().get();
            assertThat(lastRequest().containsHeader("X-Copy")).isFalse();
            copy.me().get();
            assertThat(lastRequest().getHeader("X-Copy")).isEqualTo("yes");
            assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(shared.connectionPool().connectionCount()).as("one pooled connection for both").isEqualTo(1);

            copy.close();
            client.me().get();
            assertThat(requests()).hasSize(3);
            assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }

    @Test
    void aCopyOfAnOwningClientCanBeClosedAlone() {
        PrismaManagement client = PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken(TOKEN).build();
        PrismaManagement copy = client.withOptions(b -> b.maxRetries(0));
        copy.me().get();
        copy.close();
        client.me().get();
        assertThat(requests()).hasSize(2);
        client.close();
        client.close(); // idempotent
    }

    @Test
    void closeLeavesASharedBackendAlone() {
        OkHttpClient shared = new OkHttpClient();
        try {
            PrismaManagement client = PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken(TOKEN)
                    .transport(OkHttpTransport.of(shared)).build();
            client.me().get();
            client.close();
            assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
            assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        PrismaManagement client = track(PrismaManagement.builder().baseUrl(wm.baseUrl()).serviceToken(TOKEN)
                .build());
        assertThat(client.toString()).doesNotContain(TOKEN).contains(wm.baseUrl());
        assertThat(client.withOptions(b -> b.header("X-A", "b")).toString()).doesNotContain(TOKEN);
        assertThat(Credentials.serviceToken(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(String.valueOf(RequestOptions.builder().header("Authorization", "Bearer " + TOKEN).build()))
                .doesNotContain(TOKEN);
    }

    @Test
    void aBlankTokenIsRefused() {
        assertThatThrownBy(() -> PrismaManagement.builder().serviceToken(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
