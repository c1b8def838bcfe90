package dev.pdpkit.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.oauth.claim.ClaimFlow;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every OAuth endpoint must be https unless it is on loopback (RFC 9700 section 2.6), as the API client requires. */
class HttpsEndpointTest {

    @Test
    void plainHttpToANonLoopbackHostIsRefusedForEveryEndpoint() {
        List<UnaryOperator<PrismaOAuth.Builder>> configs = List.of(
                b -> b.issuer("http://auth.example.com"),
                b -> b.tokenEndpoint(URI.create("http://auth.example.com/token")),
                b -> b.authorizationEndpoint(URI.create("http://auth.example.com/authorize")),
                b -> b.revocationEndpoint(URI.create("http://auth.example.com/revoke")),
                b -> b.issuer("http://127.0.0.1.nip.io"));
        for (UnaryOperator<PrismaOAuth.Builder> config : configs) {
            assertThatThrownBy(() -> config.apply(PrismaOAuth.builder().clientId("cli")).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("https");
        }
    }

    @Test
    void plainHttpOnLoopbackAndHttpsAreAccepted() {
        for (String issuer : List.of("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9",
                "https://auth.example.com")) {
            try (PrismaOAuth oauth = PrismaOAuth.builder().clientId("cli").issuer(issuer).build()) {
                assertThat(oauth.toString()).contains(issuer);
            }
        }
    }

    @Test
    void theClaimFlowRefusesPlainHttpToo() {
        try (PrismaManagement partner = PrismaManagement.builder().baseUrl("http://127.0.0.1:9").serviceToken("svc")
                .build()) {
            assertThatThrownBy(() -> ClaimFlow.builder().clientId("p").clientSecret("s")
                    .redirectUri("https://partner.example/cb").partnerClient(partner)
                    .issuer("http://auth.example.com").build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("https");
        }
    }

    @Test
    void aDiscoveryDocumentAdvertisingPlainHttpEndpointsIsRejectedBeforeAnyTokenIsSent() {
        WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            String issuer = wm.baseUrl();
            wm.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server")).willReturn(okJson("{\"issuer\":\""
                    + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":"
                    + "\"http://auth.example.com/token\",\"response_types_supported\":[\"code\"]}")));
            InMemoryTokenStore store = new InMemoryTokenStore();
            store.save(OAuthTokens.of("expired-access", "refresh-secret", java.time.Instant.EPOCH, null, List.of()));
            try (PrismaOAuth oauth = PrismaOAuth.builder().clientId("cli").issuer(issuer).tokenStore(store).build()) {
                assertThatThrownBy(() -> oauth.credentials().bearerToken()).isInstanceOf(OAuthException.class)
                        .hasMessageContaining("token endpoint must be an https URL")
                        .hasMessageNotContaining("refresh-secret");
            }
            assertThat(store.load().orElseThrow().refreshToken()).contains("refresh-secret");
        } finally {
            wm.stop();
        }
    }
}
