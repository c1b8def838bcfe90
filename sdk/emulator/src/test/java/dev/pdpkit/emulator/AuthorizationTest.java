package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 401 shapes, and isolation between the two seeded workspaces. */
class AuthorizationTest extends EmulatorTestBase {

    @Override
    PrismaEmulator.Builder configure(PrismaEmulator.Builder b) {
        return b.oauthClient(dev.pdpkit.emulator.auth.RegisteredClient.publicClient("revoked-client",
                "http://127.0.0.1/cb"));
    }

    private void assertUnauthorized(Http.Resp r) {
        assertError(r, 401);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("unauthorized");
        assertThat(r.header("www-authenticate")).startsWith("Bearer");
        assertThat(r.header("x-request-id")).startsWith("req_");
    }

    @Test
    void missingMalformedUnknownExpiredAndRevokedTokensAre401() {
        assertUnauthorized(http.get("/v1/projects", null));
        assertUnauthorized(http.send("GET", "/v1/projects", null, null, Map.of("Authorization", "Basic abc")));
        assertUnauthorized(http.send("GET", "/v1/projects", null, null, Map.of("Authorization", "Bearer ")));
        assertUnauthorized(http.get("/v1/projects", "pst_definitely-not-a-token"));

        String expired = emu.createServiceToken(emu.partnerWorkspace().id(), "short-lived", Duration.ZERO);
        Http.Resp r = http.get("/v1/me", expired);
        assertUnauthorized(r);
        assertThat(r.json().path("error").path("message").asText()).contains("expired");

        // a token revoked through the API stops working at once
        Http.Resp created = http.post("/v1/workspaces/" + emu.partnerWorkspace().id() + "/service-tokens", partner,
                body("name", "to revoke"));
        String value = created.data().path("value").asText();
        assertThat(http.get("/v1/me", value).status()).isEqualTo(200);
        assertThat(http.delete("/v1/workspaces/" + emu.partnerWorkspace().id() + "/service-tokens/"
                + created.data().path("id").asText(), partner).status()).isEqualTo(204);
        assertUnauthorized(http.get("/v1/me", value));

        // a revoked OAuth authorization too
        String oauth = emu.issueAccessToken(emu.partnerWorkspace().id(), "revoked-client");
        assertThat(http.get("/v1/me", oauth).status()).isEqualTo(200);
        assertThat(http.delete("/v1/workspaces/" + emu.partnerWorkspace().id() + "/integrations/revoked-client",
                partner).status()).isEqualTo(204);
        assertUnauthorized(http.get("/v1/me", oauth));
    }

    @Test
    void authenticationComesBeforeValidation() {
        assertUnauthorized(http.post("/v1/projects", null, "{\"name\": 5}"));
    }

    @Test
    void unknownPathsAndMethods() {
        Http.Resp r = http.get("/v1/nothing-here", partner);
        assertError(r, 404);
        Http.Resp m = http.send("PUT", "/v1/projects", partner, "{}", Map.of());
        assertError(m, 405);
        assertThat(m.header("allow")).contains("GET").contains("POST");
        assertError(http.get("/elsewhere", partner), 404);
    }

    @Test
    void workspacesAreIsolated() {
        JsonNode project = createProject(partner, "name", "partner-only");
        String projectId = project.path("id").asText();
        String dbId = project.path("database").path("id").asText();
        String conId = project.path("database").path("connections").get(0).path("id").asText();
        JsonNode bucket = http.post("/v1/buckets", partner, body("projectId", projectId)).data();

        // the other workspace sees none of it
        assertThat(http.get("/v1/projects", user).data().findValuesAsText("id")).doesNotContain(projectId);
        assertError(http.get("/v1/projects/" + projectId, user), 404);
        assertError(http.delete("/v1/projects/" + projectId, user), 404);
        assertError(http.get("/v1/projects/" + projectId + "/databases", user), 404);
        assertThat(http.get("/v1/databases", user).data().findValuesAsText("id")).doesNotContain(dbId);
        assertThat(http.get("/v1/connections", user).data().findValuesAsText("id")).doesNotContain(conId);
        assertError(http.get("/v1/connections/" + conId, user), 404);
        assertError(http.post("/v1/connections/" + conId + "/rotate", user, null), 404);
        assertError(http.delete("/v1/databases/" + dbId, user), 404);
        assertError(http.get("/v1/databases/" + dbId + "/usage", user), 404);
        assertThat(http.get("/v1/databases/" + dbId + "/connections", user).data()).isEmpty();
        assertError(http.get("/v1/buckets/" + bucket.path("id").asText(), user), 404);
        assertThat(http.get("/v1/buckets", user).data()).isEmpty();

        // where the spec declares 403 for "no access", the emulator answers 403
        assertError(http.patch("/v1/projects/" + projectId, user, body("name", "stolen")), 403);
        assertError(http.get("/v1/databases/" + dbId, user), 403);
        assertError(http.patch("/v1/databases/" + dbId, user, body("name", "stolen")), 403);
        assertError(http.post("/v1/projects/" + projectId + "/databases", user, body()), 403);
        assertError(http.post("/v1/databases", user, body("projectId", projectId)), 403);
        assertError(http.get("/v1/databases?projectId=" + projectId, user), 403);
        assertError(http.post("/v1/buckets", user, body("projectId", projectId)), 403);

        // service tokens of another workspace: empty list, 404 on create/delete
        String partnerWs = emu.partnerWorkspace().id();
        assertThat(http.get("/v1/workspaces/" + partnerWs + "/service-tokens", user).data()).isEmpty();
        assertError(http.post("/v1/workspaces/" + partnerWs + "/service-tokens", user, body("name", "x")), 404);
        assertError(http.delete("/v1/workspaces/" + partnerWs + "/service-tokens/"
                + emu.partnerWorkspace().serviceTokenId(), user), 404);

        // and nothing changed for the owner
        assertThat(http.get("/v1/projects/" + projectId, partner).data().path("name").asText())
                .isEqualTo("partner-only");
    }

    @Test
    void projectCannotBeCreatedInAnotherWorkspace() {
        Http.Resp r = http.post("/v1/projects", partner, body("name", "x", "workspaceId",
                emu.userWorkspace().id()));
        assertError(r, 404);
        Http.Resp own = http.post("/v1/projects", partner, body("name", "x", "workspaceId",
                emu.partnerWorkspace().id(), "createDatabase", false));
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.data().path("database").isNull()).isTrue();
    }
}
