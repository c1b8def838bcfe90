package dev.pdpkit.client.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RawResponse;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.BucketKeyCreateParams;
import dev.pdpkit.client.model.BucketKeyRole;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.ProjectTransferParams;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The secrets of the stubbed responses appear in no toString() and no exception message. */
class RedactionTest extends WireMockApiTest {

    private static void assertNoSecret(Object o) {
        String s = String.valueOf(o);
        for (String secret : Fixtures.SECRETS) {
            assertThat(s).as("toString of %s", o.getClass().getSimpleName()).doesNotContain(secret);
        }
    }

    @Test
    void parsedModelsParamsAndRawResponsesHideSecrets() {
        stub("POST", "/v1/projects", 201, Fixtures.data(Fixtures.createdProject("proj_1", "db_1")));
        stub("POST", "/v1/projects/proj_1/databases", 201, Fixtures.data(Fixtures.createdProjectDatabase("db_2")));
        stub("POST", "/v1/connections", 201, Fixtures.data(Fixtures.connectionWithSecrets("con_1", "db_1")));
        stub("POST", "/v1/connections/con_1/rotate", 200,
                Fixtures.data(Fixtures.connectionWithSecrets("con_1", "db_1")));
        stub("POST", "/v1/databases", 201, Fixtures.data(Fixtures.createdDatabase("db_3")));
        stub("POST", "/v1/workspaces/wksp_1/service-tokens", 201,
                Fixtures.data(Fixtures.createdServiceToken("st_1")));
        stub("POST", "/v1/buckets/bkt_1/keys", 201, Fixtures.data(Fixtures.createdBucketKey("key_1")));
        stub("POST", "/v1/projects/proj_1/transfer", 204, null);
        stub("GET", "/v1/databases/db_1/connections", 200, Fixtures.page(null, false,
                Fixtures.connection("con_1", "db_1")));

        List<Object> shown = new ArrayList<>();
        RawResponse<CreatedProject> project = client.projects().withRawResponse().create(ProjectCreateParams.builder()
                .name("shop").build());
        shown.add(project);
        shown.add(project.body());
        shown.add(project.body().database().orElseThrow());
        shown.add(project.body().database().orElseThrow().apiKeys().get(0));
        shown.add(project.body().database().orElseThrow().directConnection().orElseThrow());
        shown.add(project.body().database().orElseThrow().connections().get(0).endpoints());
        shown.add(client.projects().databases().withRawResponse().create("proj_1"));
        var connection = client.connections().create(ConnectionCreateParams.builder().databaseId("db_1").name("app")
                .build());
        shown.add(connection);
        shown.add(connection.endpoints().direct().orElseThrow());
        shown.add(client.connections().withRawResponse().rotate("con_1"));
        shown.add(client.databases().create(dev.pdpkit.client.model.DatabaseCreateParams.builder()
                .projectId("proj_1").build()));
        shown.add(client.workspaces().serviceTokens().withRawResponse().create(WorkspaceServiceTokenCreateParams
                .builder().workspaceId("wksp_1").name("ci").build()));
        shown.add(client.buckets().keys().withRawResponse().create(BucketKeyCreateParams.builder().bucketId("bkt_1")
                .role(BucketKeyRole.READ).build()));
        ProjectTransferParams transfer = ProjectTransferParams.builder().id("proj_1")
                .recipientAccessToken(Fixtures.RECIPIENT_TOKEN).build();
        shown.add(transfer);
        shown.add(client.projects().withRawResponse().transfer(transfer));
        Page<?> page = client.databases().connections().list("db_1");
        shown.add(page);
        shown.add(page.data());

        // The values really were parsed (the masking is not an artefact of missing data).
        assertThat(connection.connectionString()).isEqualTo(Fixtures.CONNECTION_STRING);
        assertThat(project.body().database().orElseThrow().apiKeys().get(0).connectionString())
                .isEqualTo(Fixtures.API_KEY_URL);
        shown.forEach(RedactionTest::assertNoSecret);
        assertThat(String.valueOf(project.body().database().orElseThrow().directConnection().orElseThrow()))
                .contains("***");
    }

    @Test
    void decodeErrorsDoNotEchoSecretValues() {
        // A secret in a member of the wrong type: the message names the path and type, never the value.
        String body = Fixtures.connectionWithSecrets("con_1", "db_1")
                .replace("\"port\":5432", "\"port\":\"" + Fixtures.CONNECTION_STRING + "\"");
        stubOffSpec("POST", "/v1/connections/con_1/rotate", 200, Fixtures.data(body));
        ConnectionWithSecrets rotated = client.connections().rotate("con_1");
        PrismaDecodeException e = catchThrowableOfType(rotated::validate, PrismaDecodeException.class);
        assertThat(e).isNotNull();
        assertNoSecret(e.getMessage());
        assertNoSecret(e.toString());
        assertNoSecret(rotated.toString());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertNoSecret(String.valueOf(c.getMessage()));
        }
    }

    @Test
    void aMissingRequiredSecretDoesNotLeakTheOthers() {
        String body = Fixtures.connectionWithSecrets("con_1", "db_1").replace("\"name\":\"app\",", "");
        stubOffSpec("POST", "/v1/connections/con_1/rotate", 200, Fixtures.data(body));
        ConnectionWithSecrets rotated = client.connections().rotate("con_1");
        PrismaDecodeException e = catchThrowableOfType(rotated::name, PrismaDecodeException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("name");
        assertThat(rotated.endpoints()).isNotNull(); // the one-time secrets are still readable
        assertNoSecret(e.getMessage());
    }
}
