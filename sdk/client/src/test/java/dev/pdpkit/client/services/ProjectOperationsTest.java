package dev.pdpkit.client.services;

import static dev.pdpkit.client.services.Fixtures.CREATED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.model.ConnectionKind;
import dev.pdpkit.client.model.CreateRegionId;
import dev.pdpkit.client.model.CreatedDatabaseStatus;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.CreatedProjectDatabase;
import dev.pdpkit.client.model.Database;
import dev.pdpkit.client.model.DatabaseCloneSource;
import dev.pdpkit.client.model.NewProjectDatabase;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectDatabaseCreateParams;
import dev.pdpkit.client.model.ProjectDatabaseListParams;
import dev.pdpkit.client.model.ProjectListParams;
import dev.pdpkit.client.model.ProjectSettings;
import dev.pdpkit.client.model.ProjectTransferParams;
import dev.pdpkit.client.model.ProjectUpdateParams;
import dev.pdpkit.client.model.RegionId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** {@code projects} and {@code projects.databases}: 8 operations. */
class ProjectOperationsTest extends WireMockApiTest {

    @Test
    void projectsList() {
        stub("GET", "/v1/projects", 200, Fixtures.page("c2", true, Fixtures.project("proj_1")));
        Page<Project> page = client.projects().list(ProjectListParams.builder().cursor("c1").limit(5)
                .logicalId("shop-prod").build());
        onlyRequest("GET", "/v1/projects", query("cursor", "c1", "limit", "5", "logicalId", "shop-prod"));
        Project p = page.data().get(0);
        assertThat(p.id()).isEqualTo("proj_1");
        assertThat(p.type()).isEqualTo("project");
        assertThat(p.name()).isEqualTo("shop");
        assertThat(p.logicalId()).contains("shop-prod");
        assertThat(p.defaultRegion()).contains("eu-central-1");
        assertThat(p.createdAt()).isEqualTo(OffsetDateTime.parse(CREATED_AT));
        assertThat(p.workspace().id()).isEqualTo("wksp_1");
        assertThat(page.nextCursor()).contains("c2");
    }

    @Test
    void projectsListWithoutParametersSendsNoQuery() {
        stub("GET", "/v1/projects", 200, Fixtures.page(null, false));
        Page<Project> page = client.projects().list();
        onlyRequest("GET", "/v1/projects");
        assertThat(page.data()).isEmpty();
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void projectsCreate() {
        stub("POST", "/v1/projects", 201, Fixtures.data(Fixtures.createdProject("proj_2", "db_2")));
        CreatedProject p = client.projects().create(ProjectCreateParams.builder().name("shop")
                .region(RegionId.EU_CENTRAL_1).createDatabase(true).workspaceId("wksp_1").build());
        onlyJsonRequest("POST", "/v1/projects",
                "{\"name\":\"shop\",\"region\":\"eu-central-1\",\"createDatabase\":true,\"workspaceId\":\"wksp_1\"}");
        assertThat(p.id()).isEqualTo("proj_2");
        NewProjectDatabase db = p.database().orElseThrow();
        assertThat(db.id()).isEqualTo("db_2");
        assertThat(db.status()).isEqualTo(CreatedDatabaseStatus.READY);
        assertThat(db.region().id()).isEqualTo("eu-central-1");
        assertThat(db.source()).isEmpty();
        assertThat(db.connectionString()).contains(Fixtures.CONNECTION_STRING);
        assertThat(db.apiKeys()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo(ConnectionKind.ACCELERATE);
            assertThat(k.connectionString()).isEqualTo(Fixtures.API_KEY_URL);
            assertThat(k.endpoints().accelerate().orElseThrow().port()).isEqualTo(new BigDecimal("443"));
        });
        assertThat(db.directConnection().orElseThrow().pass()).isEqualTo(Fixtures.DB_PASSWORD);
        assertThat(db.connections().get(0).endpoints().direct().orElseThrow().connectionString())
                .contains(Fixtures.CONNECTION_STRING);
    }

    @Test
    void projectsCreateWithoutDatabase() {
        String body = Fixtures.createdProject("proj_3", "db_x");
        body = body.substring(0, body.indexOf(",\"database\":{")) + ",\"database\":null}";
        stub("POST", "/v1/projects", 201, Fixtures.data(body));
        CreatedProject p = client.projects().create(ProjectCreateParams.builder().name("bare").createDatabase(false)
                .logicalId("bare-1").build());
        onlyJsonRequest("POST", "/v1/projects", "{\"name\":\"bare\",\"createDatabase\":false,\"logicalId\":\"bare-1\"}");
        assertThat(p.database()).isEmpty();
    }

    @Test
    void projectsGet() {
        stub("GET", "/v1/projects/proj%2F1%20x", 200, Fixtures.data(Fixtures.project("proj/1 x")));
        Project p = client.projects().get("proj/1 x");
        onlyRequest("GET", "/v1/projects/proj%2F1%20x");
        assertThat(p.id()).isEqualTo("proj/1 x");
        assertThat(p.url()).isEqualTo("https://api.prisma.io/v1/projects/proj%2F1%20x");
    }

    @Test
    void projectsUpdateWithOnlyNameSendsOnlyName() {
        stub("PATCH", "/v1/projects/proj_1", 200, Fixtures.data(Fixtures.project("proj_1")));
        Project p = client.projects().update(ProjectUpdateParams.builder().id("proj_1").name("renamed").build());
        onlyJsonRequest("PATCH", "/v1/projects/proj_1", "{\"name\":\"renamed\"}");
        assertThat(p.id()).isEqualTo("proj_1");
    }

    @Test
    void projectsUpdateSettings() {
        stub("PATCH", "/v1/projects/proj_1", 200, Fixtures.data(Fixtures.project("proj_1")));
        client.projects().update(ProjectUpdateParams.builder().id("proj_1")
                .settings(ProjectSettings.builder().putAdditionalProperty("idleTimeoutMinutes", 15).build()).build());
        onlyJsonRequest("PATCH", "/v1/projects/proj_1", "{\"settings\":{\"idleTimeoutMinutes\":15}}");
    }

    @Test
    void projectsDelete() {
        stub("DELETE", "/v1/projects/proj_1", 204, null);
        client.projects().delete("proj_1");
        onlyRequest("DELETE", "/v1/projects/proj_1");
    }

    @Test
    void projectsTransfer() {
        stub("POST", "/v1/projects/proj_1/transfer", 204, null);
        ProjectTransferParams params = ProjectTransferParams.builder().id("proj_1")
                .recipientAccessToken(Fixtures.RECIPIENT_TOKEN).build();
        client.projects().transfer(params);
        onlyJsonRequest("POST", "/v1/projects/proj_1/transfer",
                "{\"recipientAccessToken\":\"" + Fixtures.RECIPIENT_TOKEN + "\"}");
        assertThat(params.toString()).doesNotContain(Fixtures.RECIPIENT_TOKEN);
    }

    @Test
    void projectDatabasesList() {
        stub("GET", "/v1/projects/proj_1/databases", 200, Fixtures.page(null, false,
                Fixtures.database("db_1", "ready")));
        Page<Database> page = client.projects().databases().list(ProjectDatabaseListParams.builder()
                .projectId("proj_1").cursor("c3").limit(50).build());
        onlyRequest("GET", "/v1/projects/proj_1/databases", query("cursor", "c3", "limit", "50"));
        Database db = page.data().get(0);
        assertThat(db.id()).isEqualTo("db_1");
        assertThat(db.project().id()).isEqualTo("proj_1");
        assertThat(db.connections()).extracting(c -> c.id()).containsExactly("con_1");
    }

    @Test
    void projectDatabasesCreate() {
        stub("POST", "/v1/projects/proj_1/databases", 201,
                Fixtures.data(Fixtures.createdProjectDatabase("db_3")));
        CreatedProjectDatabase db = client.projects().databases().create(ProjectDatabaseCreateParams.builder()
                .projectId("proj_1").name("staging").region(CreateRegionId.INHERIT).isDefault(false)
                .source(DatabaseCloneSource.builder().databaseId("db_1").build()).build());
        onlyJsonRequest("POST", "/v1/projects/proj_1/databases", "{\"name\":\"staging\",\"region\":\"inherit\","
                + "\"isDefault\":false,\"source\":{\"type\":\"database\",\"databaseId\":\"db_1\"}}");
        assertThat(db.id()).isEqualTo("db_3");
        assertThat(db.project().id()).isEqualTo("proj_1");
        assertThat(db.region().name()).isEqualTo("Europe (Frankfurt)");
        assertThat(db.apiKeys()).hasSize(1);
        assertThat(db.isDefault()).isTrue();
    }
}
