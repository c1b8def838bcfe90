package dev.pdpkit.client.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.model.BackupSource;
import dev.pdpkit.client.model.BackupStatus;
import dev.pdpkit.client.model.BackupType;
import dev.pdpkit.client.model.Connection;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.CreateRegionId;
import dev.pdpkit.client.model.CreatedDatabase;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseCloneSource;
import dev.pdpkit.client.model.DatabaseConnectionCreateParams;
import dev.pdpkit.client.model.DatabaseConnectionListParams;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.DatabaseGetUsageParams;
import dev.pdpkit.client.model.DatabaseListBackupsParams;
import dev.pdpkit.client.model.DatabaseListBackupsResponse;
import dev.pdpkit.client.model.DatabaseListParams;
import dev.pdpkit.client.model.DatabaseRestoreParams;
import dev.pdpkit.client.model.DatabaseStatus;
import dev.pdpkit.client.model.DatabaseUpdateParams;
import dev.pdpkit.client.model.DatabaseUsage;
import dev.pdpkit.client.model.EmptySource;
import dev.pdpkit.client.model.RestoredDatabase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** {@code databases} and {@code databases.connections}: 10 operations. */
class DatabaseOperationsTest extends WireMockApiTest {

    @Test
    void databasesListSendsEveryFilter() {
        stub("GET", "/v1/databases", 200, Fixtures.page("c2", true, Fixtures.database("db_1", "ready"),
                Fixtures.database("db_2", "provisioning")));
        Page<Database> page = client.databases().list(DatabaseListParams.builder().cursor("c1").limit(2)
                .projectId("proj_1").logicalId("main-db").branchId("br_main").branchGitName("feature/x").build());
        onlyRequest("GET", "/v1/databases", query("cursor", "c1", "limit", "2", "projectId", "proj_1",
                "logicalId", "main-db", "branchId", "br_main", "branchGitName", "feature/x"));
        assertThat(page.data()).extracting(Database::status)
                .containsExactly(DatabaseStatus.READY, DatabaseStatus.PROVISIONING);
        assertThat(page.nextCursor()).contains("c2");
    }

    @Test
    void databasesCreate() {
        stub("POST", "/v1/databases", 201, Fixtures.data(Fixtures.createdDatabase("db_9")));
        CreatedDatabase db = client.databases().create(DatabaseCreateParams.builder().projectId("proj_1")
                .name("clone").region(CreateRegionId.US_EAST_1).isDefault(false)
                .source(DatabaseCloneSource.builder().databaseId("db_src").build())
                .branchGitName("feature/x").logicalId("clone-db").build());
        onlyJsonRequest("POST", "/v1/databases", "{\"projectId\":\"proj_1\",\"name\":\"clone\","
                + "\"region\":\"us-east-1\",\"isDefault\":false,\"source\":{\"type\":\"database\","
                + "\"databaseId\":\"db_src\"},\"branchGitName\":\"feature/x\",\"logicalId\":\"clone-db\"}");
        assertThat(db.id()).isEqualTo("db_9");
        assertThat(db.status()).isEqualTo(DatabaseStatus.PROVISIONING);
        assertThat(db.defaultConnectionId()).isEmpty();
        assertThat(db.source()).hasValueSatisfying(s -> assertThat(s).isInstanceOfSatisfying(
                DatabaseCloneSource.class, c -> assertThat(c.databaseId()).isEqualTo("db_src")));
        assertThat(db.connections().get(0).endpoints().pooled().orElseThrow().connectionString())
                .contains(Fixtures.POOLED_CONNECTION_STRING);
    }

    @Test
    void databasesGetKeepsUnknownMembers() {
        String body = Fixtures.database("db%1", "ready");
        body = body.substring(0, body.length() - 1) + ",\"computeUnits\":2,\"tags\":{\"team\":\"core\"}}";
        // The spec allows unknown members, but the validator treats undeclared members as errors: marked off-spec.
        stubOffSpec("GET", "/v1/databases/db%251", 200, Fixtures.data(body));
        Database db = client.databases().get("db%1");
        onlyRequest("GET", "/v1/databases/db%251");
        assertThat(db.id()).isEqualTo("db%1");
        assertThat(db.additionalProperties()).containsOnlyKeys("computeUnits", "tags");
        assertThat(db.additionalProperties().get("tags")).isEqualTo(java.util.Map.of("team", "core"));
        assertThat(db.region().orElseThrow().id()).isEqualTo("eu-central-1");
        assertThat(db.source()).hasValueSatisfying(s -> assertThat(s).isInstanceOf(EmptySource.class));
        assertThat(db.branchId()).contains("br_main");
        Connection c = db.connections().get(0);
        assertThat(c.endpoints().direct().orElseThrow().port()).isEqualTo(new BigDecimal("5432"));
        assertThat(c.database().id()).isEqualTo("db%1");
    }

    @Test
    void databasesGetWithUnknownStatus() {
        // "hibernating" is not (yet) in the spec: the response is off-spec by design and must still decode.
        stubOffSpec("GET", "/v1/databases/db_1", 200, Fixtures.data(Fixtures.database("db_1", "hibernating")));
        Database db = client.databases().get("db_1");
        assertThat(db.status().isKnown()).isFalse();
        assertThat(db.status().known()).isEmpty();
        assertThat(db.status().asString()).isEqualTo("hibernating");
        assertThat(db.status()).isEqualTo(DatabaseStatus.of("hibernating"));
    }

    @Test
    void databasesUpdateWithOnlyNameSendsOnlyName() {
        stub("PATCH", "/v1/databases/db_1", 200, Fixtures.data(Fixtures.database("db_1", "ready")));
        Database db = client.databases().update(DatabaseUpdateParams.builder().databaseId("db_1").name("primary")
                .build());
        onlyJsonRequest("PATCH", "/v1/databases/db_1", "{\"name\":\"primary\"}");
        assertThat(db.id()).isEqualTo("db_1");
    }

    @Test
    void databasesUpdateMovesBranch() {
        stub("PATCH", "/v1/databases/db_1", 200, Fixtures.data(Fixtures.database("db_1", "ready")));
        client.databases().update(DatabaseUpdateParams.builder().databaseId("db_1").branchId("br_2")
                .logicalId("moved").build());
        onlyJsonRequest("PATCH", "/v1/databases/db_1", "{\"branchId\":\"br_2\",\"logicalId\":\"moved\"}");
    }

    @Test
    void databasesDelete() {
        stub("DELETE", "/v1/databases/db_1", 204, null);
        client.databases().delete("db_1");
        onlyRequest("DELETE", "/v1/databases/db_1");
    }

    @Test
    void databaseConnectionsList() {
        stub("GET", "/v1/databases/db_1/connections", 200, Fixtures.page("c5", true,
                Fixtures.connection("con_1", "db_1"), Fixtures.connection("con_2", "db_1")));
        Page<Connection> page = client.databases().connections().list(DatabaseConnectionListParams.builder()
                .databaseId("db_1").cursor("c4").limit(2).build());
        onlyRequest("GET", "/v1/databases/db_1/connections", query("cursor", "c4", "limit", "2"));
        assertThat(page.data()).extracting(Connection::id).containsExactly("con_1", "con_2");
        assertThat(page.data().get(0).directConnection()).isEmpty();
        assertThat(page.hasNextPage()).isTrue();
    }

    @Test
    void databaseConnectionsCreate() {
        stub("POST", "/v1/databases/db_1/connections", 200,
                Fixtures.data(Fixtures.connectionWithSecrets("con_3", "db_1")));
        ConnectionWithSecrets c = client.databases().connections().create(DatabaseConnectionCreateParams.builder()
                .databaseId("db_1").name("app").build());
        onlyJsonRequest("POST", "/v1/databases/db_1/connections", "{\"name\":\"app\"}");
        assertThat(c.id()).isEqualTo("con_3");
        assertThat(c.connectionString()).isEqualTo(Fixtures.CONNECTION_STRING);
        assertThat(c.pass()).contains(Fixtures.DB_PASSWORD);
        assertThat(c.user()).contains("usr_1");
        assertThat(c.host()).contains("db.prisma.io:5432");
        assertThat(c.endpoints().direct().orElseThrow().connectionString()).isEqualTo(Fixtures.CONNECTION_STRING);
    }

    @Test
    void databasesListBackups() {
        stub("GET", "/v1/databases/db_1/backups", 200, Fixtures.backups());
        DatabaseListBackupsResponse r = client.databases().listBackups(DatabaseListBackupsParams.builder()
                .databaseId("db_1").limit(25).build());
        onlyRequest("GET", "/v1/databases/db_1/backups", query("limit", "25"));
        assertThat(r.data()).hasSize(2);
        assertThat(r.data().get(0).backupType()).isEqualTo(BackupType.FULL);
        assertThat(r.data().get(0).status()).isEqualTo(BackupStatus.COMPLETED);
        assertThat(r.data().get(0).size()).contains(new BigDecimal("1048576"));
        assertThat(r.data().get(1).size()).isEmpty();
        assertThat(r.data().get(1).type()).isEmpty();
        assertThat(r.meta().backupRetentionDays()).isEqualTo(new BigDecimal("7"));
        assertThat(r.pagination().hasMore()).isFalse();
        assertThat(r.pagination().limit()).contains(new BigDecimal("25"));
    }

    @Test
    void databasesRestore() {
        stub("POST", "/v1/databases/db_1/restore", 200, Fixtures.data(Fixtures.restoredDatabase("db_1")));
        RestoredDatabase db = client.databases().restore(DatabaseRestoreParams.builder().targetDatabaseId("db_1")
                .source(BackupSource.builder().databaseId("db_src").backupId("bkp_1").build()).build());
        onlyJsonRequest("POST", "/v1/databases/db_1/restore",
                "{\"source\":{\"type\":\"backup\",\"databaseId\":\"db_src\",\"backupId\":\"bkp_1\"}}");
        assertThat(db.status()).isEqualTo(DatabaseStatus.RECOVERING);
        assertThat(db.source().backupId()).isEqualTo("bkp_1");
        assertThat(db.region()).isEmpty();
        assertThat(db.connections()).isEmpty();
    }

    @Test
    void databasesGetUsage() {
        stub("GET", "/v1/databases/db_1/usage", 200, Fixtures.usage());
        DatabaseUsage u = client.databases().getUsage(DatabaseGetUsageParams.builder().databaseId("db_1")
                .startDate("2025-03-01").endDate("2025-03-31").build());
        onlyRequest("GET", "/v1/databases/db_1/usage", query("startDate", "2025-03-01", "endDate", "2025-03-31"));
        assertThat(u.period().start()).isEqualTo(OffsetDateTime.parse("2025-03-01T00:00:00Z"));
        assertThat(u.metrics().operations().used()).isEqualTo(new BigDecimal("12345"));
        assertThat(u.metrics().storage().used()).isEqualTo(new BigDecimal("0.25"));
        assertThat(u.generatedAt()).isEqualTo(OffsetDateTime.parse("2025-03-15T12:00:00Z"));
    }
}
