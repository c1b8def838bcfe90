package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectsTest extends EmulatorTestBase {

    @Test
    void createWithDefaultDatabase() {
        JsonNode p = createProject(partner, "name", "shop", "region", "eu-central-1");
        assertThat(p.path("id").asText()).startsWith("proj_");
        assertThat(p.path("type").asText()).isEqualTo("project");
        assertThat(p.path("url").asText()).isEqualTo(emu.baseUrl() + "/v1/projects/" + p.path("id").asText());
        assertThat(p.path("name").asText()).isEqualTo("shop");
        assertThat(p.path("defaultRegion").asText()).isEqualTo("eu-central-1");
        assertThat(p.path("workspace").path("id").asText()).isEqualTo(emu.partnerWorkspace().id());

        JsonNode db = p.path("database");
        assertThat(db.path("id").asText()).startsWith("db_");
        assertThat(db.path("status").asText()).isEqualTo("provisioning");
        assertThat(db.path("isDefault").asBoolean()).isTrue();
        assertThat(db.path("region").path("id").asText()).isEqualTo("eu-central-1");
        JsonNode con = db.path("connections").get(0);
        assertThat(con.path("id").asText()).startsWith("con_").isEqualTo(db.path("defaultConnectionId").asText());
        assertThat(con.path("endpoints").path("direct").path("connectionString").asText())
                .matches("postgres://[0-9a-f]+:[^@]+@db\\.prisma\\.io:5432/postgres\\?sslmode=require");
        assertThat(con.path("endpoints").path("pooled").path("connectionString").asText()).startsWith("postgres://");
        assertThat(con.path("endpoints").path("accelerate").path("connectionString").asText())
                .startsWith("prisma+postgres://accelerate.prisma-data.net/?api_key=");
        assertThat(db.path("apiKeys")).hasSize(1);
        assertThat(db.path("connectionString").asText()).startsWith("prisma+postgres://");
        assertThat(db.path("directConnection").path("pass").asText()).isNotEmpty();

        // zero provisioning delay: the next read says ready
        JsonNode read = http.get("/v1/databases/" + db.path("id").asText(), partner).data();
        assertThat(read.path("status").asText()).isEqualTo("ready");
        assertThat(emu.stats().projectsCreated()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void createWithoutDatabaseAndWithoutBody() {
        JsonNode p = createProject(partner, "name", "bare", "createDatabase", false);
        assertThat(p.path("database").isNull()).isTrue();
        assertThat(http.get("/v1/projects/" + p.path("id").asText() + "/databases", partner).data()).isEmpty();

        Http.Resp noBody = http.post("/v1/projects", partner, null);
        assertThat(noBody.status()).as(noBody.toString()).isEqualTo(201);
        assertThat(noBody.data().path("name").asText()).isNotEmpty();
    }

    @Test
    void getListUpdate() {
        JsonNode p = createProject(partner, "name", "before");
        String id = p.path("id").asText();
        assertThat(http.get("/v1/projects/" + id, partner).data().path("name").asText()).isEqualTo("before");
        Http.Resp u = http.patch("/v1/projects/" + id, partner, body("name", "after", "settings", Map.of("k", "v")));
        assertThat(u.status()).isEqualTo(200);
        assertThat(u.data().path("name").asText()).isEqualTo("after");
        assertThat(http.get("/v1/projects", partner).data().findValuesAsText("id")).contains(id);
        assertError(http.patch("/v1/projects/" + id, partner, body("name", "")), 422);
        assertError(http.patch("/v1/projects/" + id, partner, body("name", 42)), 422);
        assertError(http.get("/v1/projects/proj_missing", partner), 404);
        assertError(http.patch("/v1/projects/proj_missing", partner, body("name", "x")), 404);
    }

    @Test
    void logicalIdIsUniquePerWorkspace() {
        JsonNode first = createProject(partner, "name", "a", "logicalId", "billing");
        Http.Resp dup = http.post("/v1/projects", partner, body("name", "b", "logicalId", "billing"));
        assertError(dup, 409);
        // another workspace may use the same logical id
        assertThat(http.post("/v1/projects", user, body("logicalId", "billing")).status()).isEqualTo(201);
        JsonNode found = http.get("/v1/projects?logicalId=billing", partner).data();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("id").asText()).isEqualTo(first.path("id").asText());
    }

    @Test
    void deleteCascadesTheDefaultDatabaseButNotOtherDependencies() {
        JsonNode p = createProject(partner, "name", "to delete");
        String id = p.path("id").asText();
        String defaultDb = p.path("database").path("id").asText();
        String defaultCon = p.path("database").path("defaultConnectionId").asText();

        // a second database and a bucket are dependencies: 400
        JsonNode extra = http.post("/v1/projects/" + id + "/databases", partner, body("name", "extra")).data();
        JsonNode bucket = http.post("/v1/buckets", partner, body("projectId", id)).data();
        Http.Resp blocked = http.delete("/v1/projects/" + id, partner);
        assertError(blocked, 400);
        assertThat(blocked.errorCode()).isEqualTo("project_has_dependencies");
        assertThat(blocked.json().path("error").path("message").asText())
                .contains(extra.path("id").asText(), bucket.path("id").asText());

        assertThat(http.delete("/v1/databases/" + extra.path("id").asText(), partner).status()).isEqualTo(204);
        assertThat(http.delete("/v1/buckets/" + bucket.path("id").asText(), partner).status()).isEqualTo(204);
        assertThat(http.delete("/v1/projects/" + id, partner).status()).isEqualTo(204);

        assertError(http.get("/v1/projects/" + id, partner), 404);
        assertError(http.get("/v1/databases/" + defaultDb, partner), 404);
        assertError(http.get("/v1/connections/" + defaultCon, partner), 404);
        assertError(http.delete("/v1/projects/" + id, partner), 404);
    }

    @Test
    void transferMovesTheProjectWithItsDatabases() {
        JsonNode p = createProject(partner, "name", "claimable");
        String id = p.path("id").asText();
        String dbId = p.path("database").path("id").asText();
        String recipientToken = emu.issueAccessToken(emu.userWorkspace().id(), PrismaEmulator.PARTNER_CLIENT_ID);

        // invalid recipient token: 401, nothing moves
        assertError(http.post("/v1/projects/" + id + "/transfer", partner,
                body("recipientAccessToken", "not-a-token")), 401);
        // a caller who does not own the project: 404
        assertError(http.post("/v1/projects/" + id + "/transfer", user,
                body("recipientAccessToken", recipientToken)), 404);
        // transferring into the workspace it is already in: 409
        String partnerSide = emu.issueAccessToken(emu.partnerWorkspace().id(), PrismaEmulator.PARTNER_CLIENT_ID);
        assertError(http.post("/v1/projects/" + id + "/transfer", partner,
                body("recipientAccessToken", partnerSide)), 409);
        // missing body fields
        assertError(http.post("/v1/projects/" + id + "/transfer", partner, body()), 400);

        Http.Resp ok = http.post("/v1/projects/" + id + "/transfer", partner,
                body("recipientAccessToken", recipientToken));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
        assertThat(ok.text()).isEmpty();

        assertError(http.get("/v1/projects/" + id, partner), 404);
        JsonNode moved = http.get("/v1/projects/" + id, recipientToken).data();
        assertThat(moved.path("workspace").path("id").asText()).isEqualTo(emu.userWorkspace().id());
        assertThat(http.get("/v1/projects/" + id + "/databases", recipientToken).data().get(0).path("id").asText())
                .isEqualTo(dbId);
        assertThat(http.get("/v1/databases/" + dbId, user).status()).isEqualTo(200);
        assertThat(emu.projectWorkspace(id)).contains(emu.userWorkspace().id());
        assertThat(emu.stats().count(dev.pdpkit.emulator.api.ApiStats.PROJECTS_TRANSFERRED)).isEqualTo(1);
    }

    @Test
    void transferConflictsOnTheRecipientsLogicalId() {
        JsonNode p = createProject(partner, "logicalId", "claim-me");
        createProject(user, "logicalId", "claim-me");
        String token = emu.issueAccessToken(emu.userWorkspace().id());
        assertError(http.post("/v1/projects/" + p.path("id").asText() + "/transfer", partner,
                body("recipientAccessToken", token)), 409);
    }
}
