package dev.pdpkit.emulator;

import static dev.pdpkit.emulator.HttpRobustnessTest.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.emulator.RawHttp.Answer;
import dev.pdpkit.emulator.auth.AuthServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where tests depend on the emulator rejecting or accepting exactly what the service does. */
class FaithfulnessTest extends EmulatorTestBase {

    private Answer post(String contentType, byte[] body) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes(RawHttp.ascii("POST /v1/projects HTTP/1.1\r\nAuthorization: Bearer " + partner
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n"));
        req.writeBytes(body);
        return new RawHttp(emu.port(), 5000).send(req.toByteArray());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlyOneJsonValueInUtf8IsAccepted() throws IOException {
        assertJsonError(post("application/json", utf8("{\"name\":\"a\"} trailing")), 400, "invalid_json");
        assertJsonError(post("application/json", utf8("{\"name\":\"a\"}{\"name\":\"b\"}")), 400, "invalid_json");
        assertJsonError(post("application/json", new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, '"', '}'}),
                400, "invalid_encoding");
        assertJsonError(post("application/json; charset=nonsense", utf8("{\"name\":\"a\"}")), 400,
                "unsupported_charset");
        assertJsonError(post("application/json; charset=ISO-8859-1", utf8("{\"name\":\"a\"}")), 400,
                "unsupported_charset");
        assertThat(post("application/json; charset=UTF-8", utf8("{\"name\":\"é\"}")).status()).isEqualTo(201);
        assertThat(post("application/json", utf8("{\"name\":\"ok\"}  \n")).status()).isEqualTo(201);
    }

    @Test
    void databaseCreateRejectsANullBranchGitName() {
        String projectId = createProject(partner, "name", "branches").path("id").asText();
        Http.Resp r = http.post("/v1/databases", partner, nullMember("projectId", projectId, "branchGitName"));
        assertError(r, 400);
        assertThat(r.json().path("error").path("message").asText()).contains("branchGitName");
    }

    private static Map<String, Object> nullMember(String key, Object value, String nullKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        m.put(nullKey, null);
        return m;
    }

    @Test
    void anOAuthTokenWithoutWorkspaceAdminIs403() {
        AuthServer auth = emu.authServer().orElseThrow();
        String offlineOnly = auth.issueTokens(PrismaEmulator.TEST_CLIENT_ID, emu.oauthUser().id(),
                emu.userWorkspace().id(), Set.of(AuthServer.SCOPE_OFFLINE_ACCESS)).accessToken();
        Http.Resp r = http.get("/v1/projects", offlineOnly);
        assertError(r, 403);
        assertThat(r.errorCode()).isEqualTo("insufficient_scope");
        assertThat(r.header("www-authenticate")).contains("insufficient_scope");
        String admin = auth.issueTokens(PrismaEmulator.TEST_CLIENT_ID, emu.oauthUser().id(),
                emu.userWorkspace().id(), Set.of(AuthServer.SCOPE_WORKSPACE_ADMIN, AuthServer.SCOPE_OFFLINE_ACCESS))
                .accessToken();
        assertThat(http.get("/v1/projects", admin).status()).isEqualTo(200);
    }

    @Test
    void unknownMembersAndQueryParametersAreAcceptedByDefaultAndRefusedWhenStrict() {
        assertThat(http.post("/v1/projects", partner, body("name", "future", "featureOfTomorrow", 1)).status())
                .isEqualTo(201);
        assertThat(http.get("/v1/projects?featureOfTomorrow=1", partner).status()).isEqualTo(200);
        try (PrismaEmulator strict = PrismaEmulator.builder().acceptUnknownMembers(false).start()) {
            Http h = new Http(strict.baseUrl());
            assertError(h.post("/v1/projects", strict.partnerServiceToken(),
                    body("name", "future", "featureOfTomorrow", 1)), 400);
            assertError(h.get("/v1/projects?featureOfTomorrow=1", strict.partnerServiceToken()), 400);
        }
    }
}
