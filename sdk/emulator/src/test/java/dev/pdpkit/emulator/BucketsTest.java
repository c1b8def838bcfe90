package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BucketsTest extends EmulatorTestBase {

    @Test
    void bucketLifecycleWithKeys() {
        String projectId = createProject(partner, "name", "storage").path("id").asText();
        Http.Resp created = http.post("/v1/buckets", partner, body("projectId", projectId, "name", "assets",
                "logicalId", "assets"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode b = created.data();
        String id = b.path("id").asText();
        assertThat(b.path("type").asText()).isEqualTo("bucket");
        assertThat(b.path("project").path("id").asText()).isEqualTo(projectId);
        assertThat(b.path("branchId").isNull()).isTrue();
        assertThat(b.path("providerName").asText()).isNotEmpty();

        assertError(http.post("/v1/buckets", partner, body("projectId", projectId, "logicalId", "assets")), 409);
        assertError(http.post("/v1/buckets", partner, body("projectId", projectId, "branchId", "br_x",
                "branchGitName", "y")), 400);
        assertError(http.post("/v1/buckets", partner, body("projectId", projectId, "branchId", "br_missing")), 404);
        assertError(http.post("/v1/buckets", partner, body("projectId", "proj_missing")), 404);
        assertThat(http.get("/v1/buckets?projectId=" + projectId + "&branchId=unassigned", partner).data())
                .hasSize(1);
        assertThat(http.get("/v1/buckets?logicalId=assets", partner).data()).hasSize(1);

        JsonNode renamed = http.patch("/v1/buckets/" + id, partner, body("displayName", "Assets")).data();
        assertThat(renamed.path("name").asText()).isEqualTo("Assets");
        assertThat(renamed.path("providerName").asText()).isEqualTo(b.path("providerName").asText());
        assertError(http.patch("/v1/buckets/" + id, partner, body()), 422);
        assertError(http.patch("/v1/buckets/" + id, partner, body("displayName", "")), 422);
        assertError(http.patch("/v1/buckets/" + id, partner, body("branchGitName", "x", "logicalId", "y")), 422);
        JsonNode moved = http.patch("/v1/buckets/" + id, partner, body("branchGitName", "main")).data();
        assertThat(moved.path("branchId").asText()).startsWith("br_");

        Http.Resp key = http.post("/v1/buckets/" + id + "/keys", partner, body("role", "read_write"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        JsonNode k = key.data();
        assertThat(k.path("secretAccessKey").asText()).isNotEmpty();
        assertThat(k.path("bucketName").asText()).isEqualTo(b.path("providerName").asText());
        Http.Resp keys = http.get("/v1/buckets/" + id + "/keys", partner);
        assertThat(keys.data()).hasSize(1);
        assertThat(keys.text()).doesNotContain(k.path("secretAccessKey").asText());
        assertError(http.post("/v1/buckets/" + id + "/keys", partner, body("role", "admin")), 400);
        assertError(http.post("/v1/buckets/" + id + "/keys", partner, body()), 400);
        assertError(http.delete("/v1/buckets/" + id + "/keys/bkey_missing", partner), 404);
        assertThat(http.delete("/v1/buckets/" + id + "/keys/" + k.path("id").asText(), partner).status())
                .isEqualTo(204);

        assertThat(http.delete("/v1/buckets/" + id, partner).status()).isEqualTo(204);
        assertError(http.get("/v1/buckets/" + id, partner), 404);
        assertError(http.get("/v1/buckets/" + id + "/keys", partner), 404);
    }
}
