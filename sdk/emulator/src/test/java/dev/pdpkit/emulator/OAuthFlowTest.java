package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API and the authorization server share one base URL; a token from the real PKCE flow works on the API. */
class OAuthFlowTest extends EmulatorTestBase {
    private static final HttpClient RAW = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void clearFaults() {
        emu.faults().clear();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Runs /authorize (automatic approval) and /token with PKCE; returns the token response. */
    private JsonNode login(String scope) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:45678/callback";
        String authorize = emu.issuerUrl() + "/authorize?client_id=" + PrismaEmulator.PUBLIC_CLIENT_ID
                + "&redirect_uri=" + enc(redirect) + "&response_type=code&scope=" + enc(scope)
                + "&state=s123&code_challenge=" + challenge + "&code_challenge_method=S256";
        HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(300, 399);
        URI location = URI.create(r.headers().firstValue("location").orElseThrow());
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        assertThat(q.get("state")).isEqualTo("s123");
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", q.get("code"),
                "redirect_uri", redirect, "client_id", PrismaEmulator.PUBLIC_CLIENT_ID, "code_verifier", verifier);
        HttpResponse<String> t = token(form);
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        return Http.JSON.readTree(t.body());
    }

    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return RAW.send(HttpRequest.newBuilder(URI.create(emu.issuerUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void issuerSharesTheApiBaseUrl() throws Exception {
        assertThat(emu.issuerUrl()).isEqualTo(emu.baseUrl());
        HttpResponse<String> meta = RAW.send(HttpRequest.newBuilder(URI.create(emu.baseUrl()
                + "/.well-known/oauth-authorization-server")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(meta.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(meta.body()).path("token_endpoint").asText())
                .isEqualTo(emu.baseUrl() + "/token");
    }

    @Test
    void tokenFromThePkceFlowWorksOnTheApiAndShowsAsAnIntegration() throws Exception {
        JsonNode tokens = login("workspace:admin offline_access");
        String access = tokens.path("access_token").asText();
        JsonNode me = http.get("/v1/me", access).data();
        assertThat(me.path("credential").path("type").asText()).isEqualTo("oauth");
        assertThat(me.path("workspace").path("id").asText()).isEqualTo(emu.userWorkspace().id());
        assertThat(me.path("user").path("id").asText()).isEqualTo(emu.oauthUser().id());

        JsonNode integrations = http.get("/v1/workspaces/" + emu.userWorkspace().id() + "/integrations", user)
                .data();
        assertThat(integrations).anySatisfy(i -> {
            assertThat(i.path("client").path("id").asText()).isEqualTo(PrismaEmulator.PUBLIC_CLIENT_ID);
            assertThat(i.path("id").asText()).isEqualTo(me.path("credential").path("id").asText());
        });

        // revoking the integration through the API revokes the tokens at the authorization server
        assertThat(http.delete("/v1/integrations/" + me.path("credential").path("id").asText(), user).status())
                .isEqualTo(204);
        assertError(http.get("/v1/me", access), 401);
        HttpResponse<String> refresh = token(Map.of("grant_type", "refresh_token", "refresh_token",
                tokens.path("refresh_token").asText(), "client_id", PrismaEmulator.PUBLIC_CLIENT_ID));
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
    }

    @Test
    void partnerTransfersAProjectToTheUserWhoLoggedIn() throws Exception {
        JsonNode project = createProject(partner, "name", "claim me");
        String id = project.path("id").asText();
        String recipient = login("workspace:admin").path("access_token").asText();
        Http.Resp r = http.post("/v1/projects/" + id + "/transfer", partner, body("recipientAccessToken", recipient));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(http.get("/v1/projects/" + id, recipient).data().path("workspace").path("id").asText())
                .isEqualTo(emu.userWorkspace().id());
        assertError(http.get("/v1/projects/" + id, partner), 404);
    }

    @Test
    void faultsApplyToTheTokenEndpointToo() throws Exception {
        emu.faults().nextRequest("POST /token").respond(503).retryAfter(Duration.ofSeconds(2));
        HttpResponse<String> r = token(Map.of("grant_type", "refresh_token", "refresh_token", "x",
                "client_id", PrismaEmulator.PUBLIC_CLIENT_ID));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("retry-after")).contains("2");
        assertThat(Http.JSON.readTree(r.body()).path("error").asText()).isEqualTo("temporarily_unavailable");

        // a lost token response: the code is consumed although the client never saw the tokens
        emu.faults().nextRequest("POST /token").dropResponse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> login("workspace:admin"))
                .isInstanceOf(java.io.IOException.class);
        assertThat(emu.authServer().orElseThrow().counters().codeExchanges()).isPositive();
    }
}
