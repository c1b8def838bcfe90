package dev.pdpkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ConnectionsTest extends EmulatorTestBase {

    @Test
    void createGetRotateDelete() {
        JsonNode p = createProject(partner, "name", "c");
        String dbId = p.path("database").path("id").asText();
        Http.Resp created = http.post("/v1/connections", partner, body("databaseId", dbId, "name", "worker"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode c = created.data();
        String id = c.path("id").asText();
        String oldDirect = c.path("endpoints").path("direct").path("connectionString").asText();
        String oldAccelerate = c.path("endpoints").path("accelerate").path("connectionString").asText();
        assertThat(c.path("url").asText()).isEqualTo(emu.baseUrl() + "/v1/connections/" + id);
        assertThat(c.path("kind").asText()).isEqualTo("postgres");
        assertThat(c.path("directConnection").path("user").asText()).isEqualTo(c.path("user").asText());

        JsonNode read = http.get("/v1/connections/" + id, partner).data();
        assertThat(read.path("name").asText()).isEqualTo("worker");
        assertThat(read.path("endpoints").path("direct").has("connectionString")).isFalse();
        assertThat(read.has("pass")).isFalse();

        Http.Resp rotated = http.post("/v1/connections/" + id + "/rotate", partner, null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        JsonNode r = rotated.data();
        assertThat(r.path("id").asText()).isEqualTo(id);
        assertThat(r.path("endpoints").path("direct").path("connectionString").asText()).isNotEqualTo(oldDirect)
                .startsWith("postgres://");
        assertThat(r.path("endpoints").path("accelerate").path("connectionString").asText())
                .isNotEqualTo(oldAccelerate);
        assertThat(r.path("pass").asText()).isNotEqualTo(c.path("pass").asText());

        assertThat(http.get("/v1/connections?databaseId=" + dbId, partner).data().findValuesAsText("id"))
                .contains(id);
        assertThat(http.get("/v1/connections?databaseId=db_other", partner).data()).isEmpty();
        assertThat(http.delete("/v1/connections/" + id, partner).status()).isEqualTo(204);
        assertError(http.get("/v1/connections/" + id, partner), 404);
        assertError(http.post("/v1/connections/" + id + "/rotate", partner, null), 404);
        assertError(http.delete("/v1/connections/" + id, partner), 404);
        assertThat(emu.stats().count(dev.pdpkit.emulator.api.ApiStats.CONNECTIONS_ROTATED)).isEqualTo(1);
    }

    @Test
    void deletingTheDefaultConnectionClearsDefaultConnectionId() {
        JsonNode p = createProject(partner, "name", "d");
        String dbId = p.path("database").path("id").asText();
        String con = p.path("database").path("defaultConnectionId").asText();
        assertThat(http.delete("/v1/connections/" + con, partner).status()).isEqualTo(204);
        assertThat(http.get("/v1/databases/" + dbId, partner).data().path("defaultConnectionId").isNull()).isTrue();
    }

    @Test
    void createValidation() {
        assertError(http.post("/v1/connections", partner, body("name", "no database")), 400);
        assertError(http.post("/v1/connections", partner, body("databaseId", "db_missing", "name", "x")), 404);
    }
}
