package dev.pdpkit.client.internal.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pdpkit.client.auth.Credentials;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.core.RetryPolicy;
import dev.pdpkit.client.errors.BadRequestException;
import dev.pdpkit.client.errors.ConflictException;
import dev.pdpkit.client.errors.InternalServerException;
import dev.pdpkit.client.errors.NotFoundException;
import dev.pdpkit.client.errors.PayloadTooLargeException;
import dev.pdpkit.client.errors.PermissionDeniedException;
import dev.pdpkit.client.errors.PrismaApiException;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaException;
import dev.pdpkit.client.errors.RateLimitException;
import dev.pdpkit.client.errors.UnauthorizedException;
import dev.pdpkit.client.errors.UnexpectedStatusException;
import dev.pdpkit.client.errors.UnprocessableEntityException;
import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.internal.http.ResponseBody;
import dev.pdpkit.client.testing.FakeTime;
import dev.pdpkit.client.testing.TreeCodec;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorMappingTest {
    private static final String TOKEN = "svc-token-error-mapping-SECRET";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private ClientContext ctx;

    @BeforeEach
    void setUp() {
        ctx = dev.pdpkit.client.testing.TestPipelines.context(wm.baseUrl(), Credentials.serviceToken(TOKEN),
                RetryPolicy.none(), new FakeTime());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, UnauthorizedException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(413, PayloadTooLargeException.class),
                Arguments.of(422, UnprocessableEntityException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, InternalServerException.class),
                Arguments.of(502, InternalServerException.class),
                Arguments.of(503, InternalServerException.class),
                Arguments.of(504, InternalServerException.class),
                Arguments.of(405, UnexpectedStatusException.class),
                Arguments.of(418, UnexpectedStatusException.class),
                Arguments.of(302, UnexpectedStatusException.class));
    }

    private PrismaException call() {
        return catchThrowableOfType(PrismaException.class, () -> ctx.execute(
                ApiRequest.builder("getV1ProjectsById", "GET", "/v1/projects/{id}").pathParam("id", "proj_1").build(),
                RequestOptions.none(), ResponseBody.data(TreeCodec.INSTANCE)));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void documentedErrorBodyMapsToTheSubclassOfItsStatus(int status, Class<? extends PrismaApiException> type) {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req-" + status)
                .withBody("{\"error\":{\"code\":\"some-code\",\"message\":\"Something went wrong\","
                        + "\"hint\":\"Try again\"}}")));

        PrismaException e = call();

        assertThat(e).isExactlyInstanceOf(type);
        PrismaApiException api = (PrismaApiException) e;
        assertThat(api.statusCode()).isEqualTo(status);
        assertThat(api.errorCode()).contains("some-code");
        assertThat(api.errorMessage()).contains("Something went wrong");
        assertThat(api.hint()).contains("Try again");
        assertThat(api.requestId()).contains("req-" + status);
        assertThat(api.rawBody()).hasValueSatisfying(b -> assertThat(b).contains("some-code"));
        assertThat(api.getMessage()).contains(String.valueOf(status)).contains("some-code")
                .contains("req-" + status).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>502 Bad Gateway</body></html>", "upstream connect error", "",
            "{\"message\":\"not the documented shape\"}", "{\"error\":\"flat-string\"}", "[1,2,3]"})
    void bodiesOfAnyOtherShapeStillGiveTheTypedError(String body) {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1"))
                .willReturn(aResponse().withStatus(404).withBody(body)));

        PrismaException e = call();

        assertThat(e).isExactlyInstanceOf(NotFoundException.class);
        NotFoundException nf = (NotFoundException) e;
        assertThat(nf.errorCode()).isEmpty();
        if (!body.isEmpty()) {
            assertThat(nf.rawBody()).contains(body);
        }
        assertThat(nf.getMessage()).startsWith("HTTP 404");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "17")));

        RateLimitException e = (RateLimitException) call();

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void successWithABodyThatIsNotJsonIsADecodeErrorThatDoesNotQuoteTheBody() {
        String secretish = "postgres://user:hunter2-secret@db.example:5432/x";
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(aResponse().withStatus(200)
                .withBody(secretish + " is not json")));

        PrismaException e = call();

        assertThat(e).isInstanceOf(PrismaDecodeException.class);
        assertThat(((PrismaDecodeException) e).statusCode()).isEqualTo(200);
        assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("postgres://");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void successWithoutTheDataEnvelopeIsADecodeError() {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":\"proj_1\"}")));

        assertThat(call()).isInstanceOf(PrismaDecodeException.class).hasMessageContaining("$.data");
    }

    @Test
    void emptySuccessBodyWhereOneIsExpectedIsADecodeError() {
        wm.stubFor(get(urlPathEqualTo("/v1/projects/proj_1")).willReturn(aResponse().withStatus(200)));

        assertThat(call()).isInstanceOf(PrismaDecodeException.class);
    }
}
