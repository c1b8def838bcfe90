package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabasesTest extends EmulatorTestBase {

    @Override
    PrismaEmulator.Builder configure(PrismaEmulator.Builder b) {
        return b.provisioningDelay(Duration.ofMillis(400)).restoreDelay(Duration.ofMillis(400));
    }

    private String readStatus(String dbId) {
        return http.get("/v1/databases/" + dbId, partner).data().path("status").asText();
    }

    private void awaitReady(String dbId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"ready".equals(readStatus(dbId))) {
            assertThat(System.nanoTime()).as("database became ready in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void provisioningBecomesReadyAfterTheConfiguredDelay() throws InterruptedException {
        long start = System.nanoTime();
        JsonNode p = createProject(partner, "name", "slow");
        String dbId = p.path("database").path("id").asText();
        assertThat(p.path("database").path("status").asText()).isEqualTo("provisioning");
        String early = readStatus(dbId);
        if (Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(300)) < 0) {
            assertThat(early).isEqualTo("provisioning");
        }
        awaitReady(dbId);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    }

    @Test
    void createInProjectAndTopLevel() throws InterruptedException {
        JsonNode p = createProject(partner, "name", "dbs", "region", "us-west-1");
        String projectId = p.path("id").asText();

        Http.Resp inProject = http.post("/v1/projects/" + projectId + "/databases", partner,
                body("name", "analytics", "region", "inherit"));
        assertThat(inProject.status()).as(inProject.toString()).isEqualTo(201);
        JsonNode a = inProject.data();
        assertThat(a.path("project").path("id").asText()).isEqualTo(projectId);
        assertThat(a.path("region").path("id").asText()).isEqualTo("us-west-1");
        assertThat(a.path("isDefault").asBoolean()).isFalse();
        assertThat(a.path("source").path("type").asText()).isEqualTo("empty");
        assertThat(a.path("apiKeys")).hasSize(1);

        Http.Resp top = http.post("/v1/databases", partner, body("projectId", projectId, "name", "cache",
                "logicalId", "cache", "region", "eu-west-3"));
        assertThat(top.status()).as(top.toString()).isEqualTo(201);
        JsonNode c = top.data();
        assertThat(c.path("logicalId").asText()).isEqualTo("cache");
        assertThat(c.path("branchId").asText()).startsWith("br_");
        assertThat(c.path("connections").get(0).path("endpoints").path("direct").path("connectionString").asText())
                .startsWith("postgres://");
        assertThat(c.has("apiKeys")).isFalse();

        // logicalId unique per branch: 409; logicalId with branchGitName: 400
        assertError(http.post("/v1/databases", partner, body("projectId", projectId, "logicalId", "cache")), 409);
        assertError(http.post("/v1/databases", partner, body("projectId", projectId, "logicalId", "x",
                "branchGitName", "feature")), 400);
        assertError(http.post("/v1/databases", partner, body("projectId", projectId, "branchId", null)), 400);
        assertError(http.post("/v1/databases", partner, body("projectId", "proj_nope")), 404);
        // on another branch, the same logical id is fine
        Http.Resp featureDb = http.post("/v1/databases", partner, body("projectId", projectId,
                "branchGitName", "feature"));
        assertThat(featureDb.status()).isEqualTo(201);
        String featureBranch = featureDb.data().path("branchId").asText();
        assertThat(http.post("/v1/databases", partner, body("projectId", projectId, "branchId", featureBranch,
                "logicalId", "cache")).status()).isEqualTo(201);

        // lists and filters
        assertThat(http.get("/v1/projects/" + projectId + "/databases", partner).data()).hasSize(5);
        assertThat(http.get("/v1/databases?projectId=" + projectId, partner).data()).hasSize(5);
        assertThat(http.get("/v1/databases?projectId=" + projectId + "&logicalId=cache", partner).data()).hasSize(2);
        assertThat(http.get("/v1/databases?projectId=" + projectId + "&branchGitName=feature", partner).data())
                .hasSize(2);
        assertThat(http.get("/v1/databases?projectId=" + projectId + "&branchId=unassigned", partner).data())
                .isEmpty();

        // clone from another database once it is ready
        awaitReady(c.path("id").asText());
        Http.Resp clone = http.post("/v1/projects/" + projectId + "/databases", partner,
                body("source", Map.of("type", "database", "databaseId", c.path("id").asText())));
        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        assertThat(clone.data().path("source").path("databaseId").asText()).isEqualTo(c.path("id").asText());
        assertError(http.post("/v1/projects/" + projectId + "/databases", partner,
                body("source", Map.of("type", "database", "databaseId", "db_missing"))), 400);
    }

    @Test
    void updateAndDelete() {
        JsonNode p = createProject(partner, "name", "upd");
        String projectId = p.path("id").asText();
        String defaultDb = p.path("database").path("id").asText();
        JsonNode extra = http.post("/v1/databases", partner, body("projectId", projectId, "name", "x")).data();
        String id = extra.path("id").asText();

        JsonNode renamed = http.patch("/v1/databases/" + id, partner, body("name", "renamed", "logicalId", "lid"))
                .data();
        assertThat(renamed.path("name").asText()).isEqualTo("renamed");
        assertThat(renamed.path("logicalId").asText()).isEqualTo("lid");
        assertError(http.patch("/v1/databases/" + defaultDb, partner, body("logicalId", "lid")), 409);
        JsonNode moved = http.patch("/v1/databases/" + id, partner, body("branchGitName", "preview")).data();
        assertThat(moved.path("branchId").asText()).isNotEqualTo(renamed.path("branchId").asText());
        assertError(http.patch("/v1/databases/" + id, partner, body("branchGitName", "main", "logicalId", "y")), 400);
        assertError(http.patch("/v1/databases/" + id, partner, body("branchId", null)), 400);

        Http.Resp noDefault = http.delete("/v1/databases/" + defaultDb, partner);
        assertError(noDefault, 403);
        assertThat(http.delete("/v1/databases/" + id, partner).status()).isEqualTo(204);
        assertError(http.get("/v1/databases/" + id, partner), 404);
        assertError(http.delete("/v1/databases/" + id, partner), 404);
    }

    @Test
    void connectionsOfADatabase() {
        JsonNode p = createProject(partner, "name", "conns");
        String dbId = p.path("database").path("id").asText();
        Http.Resp created = http.post("/v1/databases/" + dbId + "/connections", partner, body("name", "ci"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode c = created.data();
        assertThat(c.path("id").asText()).startsWith("con_");
        assertThat(c.path("connectionString").asText()).startsWith("postgres://");
        assertThat(c.path("pass").asText()).isNotEmpty();
        assertThat(c.path("user").asText()).isNotEmpty();
        assertThat(c.path("database").path("id").asText()).isEqualTo(dbId);

        JsonNode list = http.get("/v1/databases/" + dbId + "/connections", partner).data();
        assertThat(list).extracting(n -> n.path("name").asText()).containsExactly("default", "ci");
        // listed connections carry no secrets
        assertThat(list.toString()).doesNotContain(c.path("pass").asText()).doesNotContain("connectionString");
        JsonNode db = http.get("/v1/databases/" + dbId, partner).data();
        assertThat(db.path("connections")).hasSize(2);
        assertThat(db.toString()).doesNotContain(c.path("pass").asText());

        assertError(http.post("/v1/databases/db_missing/connections", partner, body("name", "x")), 404);
        assertError(http.post("/v1/databases/" + dbId + "/connections", partner, body()), 400);
    }

    @Test
    void backupsRestoreAndUsage() throws InterruptedException {
        JsonNode p = createProject(partner, "name", "backups");
        String dbId = p.path("database").path("id").asText();
        String conId = p.path("database").path("defaultConnectionId").asText();
        String pass = p.path("database").path("directConnection").path("pass").asText();

        Http.Resp backups = http.get("/v1/databases/" + dbId + "/backups", partner);
        assertThat(backups.status()).isEqualTo(200);
        assertThat(backups.json().path("meta").path("backupRetentionDays").asInt()).isEqualTo(7);
        assertThat(backups.json().path("pagination").path("limit").isNull()).isTrue();
        JsonNode first = backups.data().get(0);
        assertThat(first.path("status").asText()).isEqualTo("completed");
        String older = emu.addBackup(dbId, java.time.Instant.now().minus(Duration.ofDays(1)));
        Http.Resp limited = http.get("/v1/databases/" + dbId + "/backups?limit=1", partner);
        assertThat(limited.data()).hasSize(1);
        assertThat(limited.json().path("pagination").path("hasMore").asBoolean()).isTrue();
        assertThat(limited.json().path("pagination").path("limit").asInt()).isEqualTo(1);

        Map<String, Object> source = Map.of("type", "backup", "databaseId", dbId, "backupId", older);
        // still provisioning: 409
        assertError(http.post("/v1/databases/" + dbId + "/restore", partner, body("source", source)), 409);
        awaitReady(dbId);
        Http.Resp restored = http.post("/v1/databases/" + dbId + "/restore", partner, body("source", source));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.data().path("status").asText()).isEqualTo("recovering");
        assertThat(restored.data().path("source").path("backupId").asText()).isEqualTo(older);
        assertThat(readStatus(dbId)).isEqualTo("recovering");
        // a second restore while recovering: 409
        assertError(http.post("/v1/databases/" + dbId + "/restore", partner, body("source", source)), 409);
        awaitReady(dbId);
        // connections survive a restore unchanged
        assertThat(http.get("/v1/connections/" + conId, partner).status()).isEqualTo(200);
        assertThat(emu.stats().count(dev.pdpkit.emulator.api.ApiStats.DATABASES_RESTORED)).isEqualTo(1);
        assertThat(pass).isNotEmpty();

        assertError(http.post("/v1/databases/" + dbId + "/restore", partner,
                body("source", Map.of("type", "backup", "databaseId", dbId, "backupId", "bkp_missing"))), 404);
        assertError(http.post("/v1/databases/" + dbId + "/restore", partner, body()), 422);
        assertError(http.post("/v1/databases/" + dbId + "/restore", partner,
                body("source", Map.of("type", "backup"))), 422);

        Http.Resp usage = http.get("/v1/databases/" + dbId + "/usage?startDate=2026-01-01&endDate=2099-01-01",
                partner);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.json().path("metrics").path("operations").path("unit").asText()).isEqualTo("ops");
        assertThat(usage.json().path("metrics").path("storage").path("unit").asText()).isEqualTo("GiB");
        assertThat(usage.json().path("period").path("start").asText()).startsWith("2026-01-01T00:00");
        assertThat(http.get("/v1/databases/" + dbId + "/usage", partner).status()).isEqualTo(200);
        assertError(http.get("/v1/databases/" + dbId + "/usage?startDate=yesterday", partner), 400);
        assertError(http.get("/v1/databases/" + dbId + "/usage?startDate=2026-02-01&endDate=2026-01-01", partner),
                400);
    }

    @Test
    void failureStatusIsVisible() {
        JsonNode p = createProject(partner, "name", "broken");
        String dbId = p.path("database").path("id").asText();
        emu.failDatabase(dbId, true);
        assertThat(readStatus(dbId)).isEqualTo("failure");
        assertThat(emu.databaseStatus(dbId)).contains("failure");
    }
}
