package dev.pdpkit.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the emulated authorization server over real HTTP on loopback. */
class AuthServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk_0123456789";
    private static final String REDIRECT = "http://127.0.0.1:4321/callback";

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
    private AuthServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = AuthServer.builder()
                .client(RegisteredClient.publicClient("cli", "http://127.0.0.1/callback"))
                .client(RegisteredClient.confidentialClient("web", "s3cret:&=", "https://app.example/cb"))
                .workspace(new EmulatedWorkspace("wksp_a", "Alpha"))
                .user(new EmulatedUser("usr_1", "one@example.test", List.of("wksp_a", "wksp_b")))
                .build();
        base = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void discoveryAdvertisesEndpointsAndIssuer() throws IOException {
        JsonNode meta = getJson(base + "/.well-known/oauth-authorization-server");
        assertThat(meta.get("issuer").asText()).isEqualTo(base.toString());
        assertThat(meta.get("token_endpoint").asText()).isEqualTo(base + "/token");
        assertThat(meta.get("revocation_endpoint").asText()).isEqualTo(base + "/revoke");
        assertThat(meta.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        JsonNode jwks = getJson(meta.get("jwks_uri").asText());
        assertThat(jwks.get("keys").get(0).get("kty").asText()).isEqualTo("EC");
        assertThat(jwks.get("keys").get(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void publicClientPkceCodeFlowRotationAndReuseDetection() throws IOException {
        Map<String, String> cb = authorize("cli", "http://127.0.0.1:4321/callback", challenge(VERIFIER),
                "workspace:admin offline_access", "st4te");
        assertThat(cb).containsEntry("state", "st4te").containsEntry("iss", base.toString());

        JsonNode tokens = token(null, form("grant_type", "authorization_code", "code", cb.get("code"),
                "redirect_uri", REDIRECT, "client_id", "cli", "code_verifier", VERIFIER));
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
        AccessGrant grant = server.verifyAccessToken("Bearer " + tokens.get("access_token").asText()).orElseThrow();
        assertThat(grant.workspaceId()).isEqualTo("wksp_a");
        assertThat(grant.userId()).isEqualTo("usr_1");
        assertThat(grant.clientId()).isEqualTo("cli");
        assertThat(grant.scopes()).containsExactlyInAnyOrder("workspace:admin", "offline_access");

        String rt1 = tokens.get("refresh_token").asText();
        JsonNode rotated = token(null, form("grant_type", "refresh_token", "refresh_token", rt1, "client_id", "cli"));
        String rt2 = rotated.get("refresh_token").asText();
        assertThat(rt2).isNotEqualTo(rt1);
        assertThat(server.verifyAccessToken(rotated.get("access_token").asText())).isPresent();

        // Presenting the rotated token again revokes the whole family, including the newest pair.
        Response reuse = post("/token", null, form("grant_type", "refresh_token", "refresh_token", rt1,
                "client_id", "cli"));
        assertThat(reuse.code()).isEqualTo(400);
        assertThat(errorOf(reuse)).isEqualTo("invalid_grant");
        assertThat(server.verifyAccessToken(rotated.get("access_token").asText())).isEmpty();
        Response afterRevoke = post("/token", null, form("grant_type", "refresh_token", "refresh_token", rt2,
                "client_id", "cli"));
        assertThat(errorOf(afterRevoke)).isEqualTo("invalid_grant");
        AuthCounters c = server.counters();
        assertThat(c.reuseDetections()).isEqualTo(1);
        assertThat(c.revokedFamilies()).isEqualTo(1);
        assertThat(c.refreshes()).isEqualTo(3);
        assertThat(server.grantsForClient("cli")).singleElement().satisfies(g -> assertThat(g.revoked()).isTrue());
    }

    @Test
    void wrongOrMissingVerifierIsRejectedAndCodeIsSingleUse() throws IOException {
        Map<String, String> cb = authorize("cli", REDIRECT, challenge(VERIFIER), "workspace:admin", "s");
        Response wrong = post("/token", null, form("grant_type", "authorization_code", "code", cb.get("code"),
                "redirect_uri", REDIRECT, "client_id", "cli", "code_verifier", VERIFIER.replace('d', 'e')));
        assertThat(errorOf(wrong)).isEqualTo("invalid_grant");
        // The failed attempt consumed the code.
        Response retry = post("/token", null, form("grant_type", "authorization_code", "code", cb.get("code"),
                "redirect_uri", REDIRECT, "client_id", "cli", "code_verifier", VERIFIER));
        assertThat(errorOf(retry)).isEqualTo("invalid_grant");

        Map<String, String> cb2 = authorize("cli", REDIRECT, challenge(VERIFIER), "workspace:admin", "s");
        Response missing = post("/token", null, form("grant_type", "authorization_code", "code", cb2.get("code"),
                "redirect_uri", REDIRECT, "client_id", "cli"));
        assertThat(errorOf(missing)).isEqualTo("invalid_grant");
    }

    @Test
    void noRefreshTokenWithoutOfflineAccess() throws IOException {
        Map<String, String> cb = authorize("cli", REDIRECT, challenge(VERIFIER), "workspace:admin", "s");
        JsonNode tokens = token(null, form("grant_type", "authorization_code", "code", cb.get("code"),
                "redirect_uri", REDIRECT, "client_id", "cli", "code_verifier", VERIFIER));
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void publicClientWithoutPkceIsRefusedAtAuthorize() throws IOException {
        Map<String, String> cb = authorize("cli", REDIRECT, null, "workspace:admin", "s");
        assertThat(cb).containsEntry("error", "invalid_request").containsEntry("state", "s");
    }

    @Test
    void unregisteredRedirectIsNeverFollowed() throws IOException {
        HttpUrl url = HttpUrl.get(base + "/authorize").newBuilder()
                .addQueryParameter("client_id", "cli").addQueryParameter("response_type", "code")
                .addQueryParameter("redirect_uri", "https://evil.example/cb")
                .addQueryParameter("code_challenge", challenge(VERIFIER))
                .addQueryParameter("code_challenge_method", "S256").build();
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.header("Location")).isNull();
        }
    }

    @Test
    void loopbackRedirectMatchesAnyPortButNotOtherPaths() {
        List<String> registered = List.of("http://127.0.0.1/callback", "http://localhost:3000/cb");
        assertThat(RedirectUris.allowed(registered, "http://127.0.0.1:55555/callback")).isTrue();
        assertThat(RedirectUris.allowed(registered, "http://localhost:1/cb")).isTrue();
        assertThat(RedirectUris.allowed(registered, "http://127.0.0.1:55555/other")).isFalse();
        assertThat(RedirectUris.allowed(registered, "https://127.0.0.1:55555/callback")).isFalse();
        assertThat(RedirectUris.allowed(registered, "http://[::1]:55555/callback")).isFalse();
        assertThat(RedirectUris.allowed(List.of("http://[::1]/cb"), "http://[::1]:8080/cb")).isTrue();
    }

    @Test
    void confidentialClientWithBasicAndPostWithAndWithoutPkce() throws IOException {
        String redirect = "https://app.example/cb";
        // client_secret_basic with PKCE; the secret has characters that must be form-encoded in Basic.
        Map<String, String> cb = authorize("web", redirect, challenge(VERIFIER), "workspace:admin offline_access", "a");
        String basic = Credentials.basic("web", HttpIo.encode("s3cret:&="));
        JsonNode tokens = token(basic, form("grant_type", "authorization_code", "code", cb.get("code"),
                "redirect_uri", redirect, "code_verifier", VERIFIER));
        assertThat(tokens.has("refresh_token")).isTrue();

        // client_secret_post without PKCE.
        Map<String, String> cb2 = authorize("web", redirect, null, "workspace:admin", "b");
        JsonNode tokens2 = token(null, form("grant_type", "authorization_code", "code", cb2.get("code"),
                "redirect_uri", redirect, "client_id", "web", "client_secret", "s3cret:&="));
        assertThat(tokens2.has("access_token")).isTrue();

        // A flow started with PKCE must end with it, even for a confidential client.
        Map<String, String> cb3 = authorize("web", redirect, challenge(VERIFIER), "workspace:admin", "c");
        Response r = post("/token", null, form("grant_type", "authorization_code", "code", cb3.get("code"),
                "redirect_uri", redirect, "client_id", "web", "client_secret", "s3cret:&="));
        assertThat(errorOf(r)).isEqualTo("invalid_grant");

        Response bad = post("/token", Credentials.basic("web", "nope"), form("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asText()));
        assertThat(bad.code()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(errorOf(bad)).isEqualTo("invalid_client");
    }

    @Test
    void revocationRevokesTheFamily() throws IOException {
        AuthServer.IssuedTokens issued = server.issueTokens("cli", "usr_1", "wksp_b",
                Set.of("workspace:admin", "offline_access"));
        assertThat(issued.toString()).doesNotContain(issued.accessToken()).doesNotContain(issued.refreshToken());
        assertThat(server.verifyAccessToken(issued.accessToken())).isPresent();
        Response r = post("/revoke", null, form("token", issued.refreshToken(), "token_type_hint", "refresh_token",
                "client_id", "cli"));
        assertThat(r.code()).isEqualTo(200);
        r.close();
        assertThat(server.verifyAccessToken(issued.accessToken())).isEmpty();
        assertThat(server.counters().revokedFamilies()).isEqualTo(1);
        Response unknown = post("/revoke", null, form("token", "nonsense", "client_id", "cli"));
        assertThat(unknown.code()).isEqualTo(200);
        unknown.close();
    }

    @Test
    void grantsCanBeListedAndRevokedPerWorkspaceAndClient() {
        server.issueTokens("cli", "usr_1", "wksp_a", Set.of("workspace:admin"));
        AuthServer.IssuedTokens b = server.issueTokens("cli", "usr_1", "wksp_b", Set.of("workspace:admin"));
        server.issueTokens("web", "usr_1", "wksp_b", Set.of("workspace:admin"));
        assertThat(server.grantsForWorkspace("wksp_b")).hasSize(2);
        assertThat(server.revokeGrants("wksp_b", "cli")).isEqualTo(1);
        assertThat(server.verifyAccessToken(b.accessToken())).isEmpty();
        assertThat(server.grantsForWorkspace("wksp_a")).singleElement()
                .satisfies(g -> assertThat(g.revoked()).isFalse());
    }

    @Test
    void backendViewServesTheApiHalf() {
        AuthServer.IssuedTokens t = server.issueTokens("web", "usr_1", "wksp_b", Set.of("workspace:admin"));
        var backend = server.backend();
        var principal = backend.verifyAccessToken(t.accessToken()).orElseThrow();
        assertThat(principal.workspaceId()).isEqualTo("wksp_b");
        assertThat(principal.grantId()).isEqualTo(t.grantId());
        assertThat(backend.activeGrants("wksp_b")).singleElement()
                .satisfies(g -> assertThat(g.clientName()).isEqualTo("web"));
        assertThat(backend.user("usr_1")).hasValueSatisfying(u -> assertThat(u.email()).isEqualTo("one@example.test"));
        assertThat(backend.revokeClient("wksp_b", "web")).isEqualTo(1);
        assertThat(backend.activeGrant(t.grantId())).isEmpty();
        assertThat(backend.verifyAccessToken(t.accessToken())).isEmpty();
    }

    @Test
    void expiredOrForeignTokensDoNotVerify() throws IOException {
        try (AuthServer shortLived = AuthServer.builder()
                .client(RegisteredClient.publicClient("cli", "http://127.0.0.1/callback"))
                .accessTokenLifetime(Duration.ofSeconds(1)).build()) {
            shortLived.start();
            AuthServer.IssuedTokens t = shortLived.issueTokens("cli", "usr_emulator", "wksp_emulator",
                    Set.of("workspace:admin"));
            assertThat(shortLived.verifyAccessToken(t.accessToken())).isPresent();
            // Signed by another server's key.
            assertThat(server.verifyAccessToken(t.accessToken())).isEmpty();
            assertThat(server.verifyAccessToken("not-a-jwt")).isEmpty();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (shortLived.verifyAccessToken(t.accessToken()).isPresent() && System.nanoTime() < deadline) {
                sleep(100);
            }
            assertThat(shortLived.verifyAccessToken(t.accessToken())).isEmpty();
        }
    }

    @Test
    void concurrentRefreshWithTheSameTokenIsReuse() throws Exception {
        AuthServer.IssuedTokens t = server.issueTokens("cli", "usr_1", "wksp_a",
                Set.of("workspace:admin", "offline_access"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try (Response r = post("/token", null, form("grant_type", "refresh_token",
                            "refresh_token", t.refreshToken(), "client_id", "cli"))) {
                        return r.code();
                    }
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<Integer> f : results) {
                ok += f.get() == 200 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(1);
            assertThat(server.counters().reuseDetections()).isGreaterThanOrEqualTo(1);
            assertThat(server.counters().revokedFamilies()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void consentPageApproveAndDeny() throws IOException {
        server.approvalMode(ApprovalMode.CONSENT_PAGE);
        String page = getText(authorizeUrl("cli", REDIRECT, challenge(VERIFIER), "workspace:admin", "xyz"));
        assertThat(page).contains("Approve").contains("Deny").contains("Alpha").contains("wksp_b");
        String requestId = page.replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");

        Response denied = post("/authorize", null, form("request", requestId, "decision", "deny"));
        Map<String, String> cb = query(denied.header("Location"));
        denied.close();
        assertThat(cb).containsEntry("error", "access_denied").containsEntry("state", "xyz");

        String page2 = getText(authorizeUrl("cli", REDIRECT, challenge(VERIFIER), "workspace:admin", "abc"));
        String id2 = page2.replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");
        Response approved = post("/authorize", null, form("request", id2, "decision", "approve",
                "workspace", "wksp_b"));
        Map<String, String> cb2 = query(approved.header("Location"));
        approved.close();
        JsonNode tokens = token(null, form("grant_type", "authorization_code", "code", cb2.get("code"),
                "redirect_uri", REDIRECT, "client_id", "cli", "code_verifier", VERIFIER));
        assertThat(server.verifyAccessToken(tokens.get("access_token").asText()).orElseThrow().workspaceId())
                .isEqualTo("wksp_b");
    }

    @Test
    void mountsOnAnExistingServerUnderAPath() throws IOException {
        HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.start();
        try {
            String issuer = "http://127.0.0.1:" + host.getAddress().getPort() + "/auth";
            AuthServer mounted = AuthServer.builder()
                    .client(RegisteredClient.publicClient("cli", "http://127.0.0.1/callback")).build();
            mounted.mount(host, issuer);
            JsonNode meta = getJson("http://127.0.0.1:" + host.getAddress().getPort()
                    + "/.well-known/oauth-authorization-server/auth");
            assertThat(meta.get("token_endpoint").asText()).isEqualTo(issuer + "/token");
            HttpUrl url = HttpUrl.get(meta.get("authorization_endpoint").asText()).newBuilder()
                    .addQueryParameter("client_id", "cli").addQueryParameter("response_type", "code")
                    .addQueryParameter("redirect_uri", REDIRECT)
                    .addQueryParameter("code_challenge", challenge(VERIFIER))
                    .addQueryParameter("code_challenge_method", "S256").addQueryParameter("state", "s").build();
            try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
                assertThat(query(r.header("Location"))).containsKey("code").containsEntry("iss", issuer);
            }
        } finally {
            host.stop(0);
        }
    }

    // ------------------------------------------------------------------ helpers

    private HttpUrl authorizeUrl(String clientId, String redirect, String challenge, String scope, String state) {
        HttpUrl.Builder url = HttpUrl.get(base + "/authorize").newBuilder()
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("response_type", "code")
                .addQueryParameter("redirect_uri", redirect)
                .addQueryParameter("scope", scope)
                .addQueryParameter("state", state);
        if (challenge != null) {
            url.addQueryParameter("code_challenge", challenge).addQueryParameter("code_challenge_method", "S256");
        }
        return url.build();
    }

    private Map<String, String> authorize(String clientId, String redirect, String challenge, String scope,
                                          String state) throws IOException {
        try (Response r = http.newCall(new Request.Builder()
                .url(authorizeUrl(clientId, redirect, challenge, scope, state)).build()).execute()) {
            assertThat(r.code()).isEqualTo(302);
            String location = r.header("Location");
            assertThat(location).startsWith(redirect);
            return query(location);
        }
    }

    private static Map<String, String> query(String location) {
        HttpUrl url = HttpUrl.get(location);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            out.put(name, url.queryParameter(name));
        }
        return out;
    }

    private static FormBody form(String... kv) {
        FormBody.Builder b = new FormBody.Builder();
        for (int i = 0; i < kv.length; i += 2) {
            b.add(kv[i], kv[i + 1]);
        }
        return b.build();
    }

    private Response post(String path, String authorization, FormBody body) throws IOException {
        Request.Builder r = new Request.Builder().url(base + path).post(body);
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return http.newCall(r.build()).execute();
    }

    private JsonNode token(String authorization, FormBody body) throws IOException {
        try (Response r = post("/token", authorization, body)) {
            String text = r.body().string();
            assertThat(r.code()).as(text).isEqualTo(200);
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            return JSON.readTree(text);
        }
    }

    private static String errorOf(Response r) throws IOException {
        try (r) {
            return JSON.readTree(r.body().string()).get("error").asText();
        }
    }

    private JsonNode getJson(String url) throws IOException {
        return JSON.readTree(getText(HttpUrl.get(url)));
    }

    private String getText(HttpUrl url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            return r.body().string();
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
