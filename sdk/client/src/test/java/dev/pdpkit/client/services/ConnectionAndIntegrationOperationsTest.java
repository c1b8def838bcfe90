package dev.pdpkit.client.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.model.Connection;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.ConnectionKind;
import dev.pdpkit.client.model.ConnectionListParams;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.Integration;
import dev.pdpkit.client.model.IntegrationListParams;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** {@code connections} and {@code integrations}: 8 operations. */
class ConnectionAndIntegrationOperationsTest extends WireMockApiTest {

    @Test
    void connectionsList() {
        stub("GET", "/v1/connections", 200, Fixtures.page(null, false, Fixtures.connection("con_1", "db_1")));
        Page<Connection> page = client.connections().list(ConnectionListParams.builder().cursor("c1").limit(20)
                .databaseId("db_1").build());
        onlyRequest("GET", "/v1/connections", query("cursor", "c1", "limit", "20", "databaseId", "db_1"));
        Connection c = page.data().get(0);
        assertThat(c.id()).isEqualTo("con_1");
        assertThat(c.kind()).isEqualTo(ConnectionKind.POSTGRES);
        assertThat(c.database().name()).isEqualTo("main");
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void connectionsCreate() {
        stub("POST", "/v1/connections", 201, Fixtures.data(Fixtures.connectionWithSecrets("con_2", "db_1")));
        ConnectionWithSecrets c = client.connections().create(ConnectionCreateParams.builder().databaseId("db_1")
                .name("app").build());
        onlyJsonRequest("POST", "/v1/connections", "{\"databaseId\":\"db_1\",\"name\":\"app\"}");
        assertThat(c.id()).isEqualTo("con_2");
        assertThat(c.connectionString()).isEqualTo(Fixtures.CONNECTION_STRING);
        assertThat(c.directConnection().orElseThrow().user()).isEqualTo("usr_1");
    }

    @Test
    void connectionsGet() {
        stub("GET", "/v1/connections/con%2F1", 200, Fixtures.data(Fixtures.connection("con/1", "db_1")));
        Connection c = client.connections().get("con/1");
        onlyRequest("GET", "/v1/connections/con%2F1");
        assertThat(c.id()).isEqualTo("con/1");
        assertThat(c.createdAt()).isEqualTo(OffsetDateTime.parse(Fixtures.CREATED_AT));
        assertThat(c.endpoints().pooled().orElseThrow().host()).isEqualTo("pooled.db.prisma.io");
        assertThat(c.endpoints().accelerate()).isEmpty();
    }

    @Test
    void connectionsDelete() {
        stub("DELETE", "/v1/connections/con_1", 204, null);
        client.connections().delete("con_1");
        onlyRequest("DELETE", "/v1/connections/con_1");
    }

    @Test
    void connectionsRotate() {
        stub("POST", "/v1/connections/con_1/rotate", 200, Fixtures.data(Fixtures.connectionWithSecrets("con_1",
                "db_1")));
        ConnectionWithSecrets c = client.connections().rotate("con_1");
        onlyRequest("POST", "/v1/connections/con_1/rotate");
        assertThat(c.id()).isEqualTo("con_1");
        assertThat(c.pass()).contains(Fixtures.DB_PASSWORD);
    }

    @Test
    void integrationsList() {
        stub("GET", "/v1/integrations", 200, Fixtures.page("c2", true, Fixtures.integration("int_1"),
                Fixtures.integration("int_2")));
        Page<Integration> page = client.integrations().list(IntegrationListParams.builder().workspaceId("wksp_1")
                .cursor("c1").limit(2).build());
        onlyRequest("GET", "/v1/integrations", query("cursor", "c1", "limit", "2", "workspaceId", "wksp_1"));
        assertThat(page.data()).extracting(Integration::id).containsExactly("int_1", "int_2");
        assertThat(page.data().get(0).createdByUser().email()).isEqualTo("ada@example.com");
    }

    @Test
    void integrationsGet() {
        stub("GET", "/v1/integrations/int_1", 200, Fixtures.data(Fixtures.integration("int_1")));
        Integration i = client.integrations().get("int_1");
        onlyRequest("GET", "/v1/integrations/int_1");
        assertThat(i.url()).isEqualTo("https://api.prisma.io/v1/integrations/int_1");
        assertThat(i.client().id()).isEqualTo("cli_1");
        assertThat(i.client().createdAt()).isEqualTo(OffsetDateTime.parse(Fixtures.CREATED_AT));
    }

    @Test
    void integrationsDelete() {
        stub("DELETE", "/v1/integrations/int_1", 204, null);
        client.integrations().delete("int_1");
        onlyRequest("DELETE", "/v1/integrations/int_1");
    }
}
