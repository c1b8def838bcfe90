package dev.pdpkit.client.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.core.JsonValue;
import dev.pdpkit.client.errors.PrismaInvalidDataException;
import dev.pdpkit.client.errors.PrismaInvalidDataException.Problem;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.ConnectionWithSecrets;
import dev.pdpkit.client.model.CreatedBucketKey;
import dev.pdpkit.client.model.CreatedProject;
import dev.pdpkit.client.model.CreatedServiceToken;
import dev.pdpkit.client.model.NewProjectDatabase;
import dev.pdpkit.client.model.Project;
import dev.pdpkit.client.model.BucketKeyCreateParams;
import dev.pdpkit.client.model.BucketKeyRole;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import org.junit.jupiter.api.Test;

/**
 * Drifted 2xx answers of issue 9 that are valid JSON: the model comes back with its other members and its one-time
 * secret; the broken member's accessor and {@code validate()} throw a {@link PrismaInvalidDataException} naming the
 * JSON path; the raw JSON of the member stays reachable.
 */
class DecodingDriftTest extends LoopbackTest {

    @Test
    void createdServiceTokenWithoutCreatedAtStillReturnsTheTokenValue() {
        ObjectNode token = BaseBodies.get("createdServiceToken");
        String value = token.get("value").textValue();
        token.remove("createdAt");
        answerJson(BaseBodies.text(BaseBodies.data(token)));

        CreatedServiceToken created = client.workspaces().serviceTokens().create(
                WorkspaceServiceTokenCreateParams.builder().workspaceId("wksp_1").name("ci").build());

        assertThat(created.value()).isEqualTo(value);
        assertInvalid(catchThrowable(created::createdAt), "$.data.createdAt", Problem.MISSING);
        assertInvalid(catchThrowable(() -> created.validate()), "$.data.createdAt", Problem.MISSING);
        assertThat(created.toString()).doesNotContain(value);
    }

    @Test
    void projectCreateWhoseDatabaseLacksStatusStillReturnsConnectionString() {
        ObjectNode project = BaseBodies.get("createdProject");
        ObjectNode database = (ObjectNode) project.get("database");
        String connectionString = database.get("connectionString").textValue();
        database.remove("status");
        answerJson(BaseBodies.text(BaseBodies.data(project)));

        CreatedProject created = client.projects().create(ProjectCreateParams.builder().name("shop").build());

        NewProjectDatabase db = created.database().orElseThrow();
        assertThat(db.connectionString()).contains(connectionString);
        assertInvalid(catchThrowable(db::status), "$.data.database.status", Problem.MISSING);
        assertInvalid(catchThrowable(() -> created.validate()), "$.data.database.status", Problem.MISSING);
    }

    @Test
    void connectionCreateWithNullCreatedAtAndWrongTypedEndpointsStillReturnsConnectionString() {
        ObjectNode connection = BaseBodies.get("connectionWithSecrets");
        String connectionString = connection.get("connectionString").textValue();
        connection.putNull("createdAt");
        connection.put("endpoints", 42);
        answerJson(BaseBodies.text(BaseBodies.data(connection)));

        ConnectionWithSecrets c = client.connections().create(ConnectionCreateParams.builder().databaseId("db_1")
                .name("app").build());

        assertThat(c.connectionString()).isEqualTo(connectionString);
        assertInvalid(catchThrowable(c::createdAt), "$.data.createdAt", Problem.NULL);
        assertInvalid(catchThrowable(c::endpoints), "$.data.endpoints", Problem.WRONG_TYPE);
        assertThat(c._endpoints().rawJson()).map(JsonValue::toJson).contains("42");
    }

    @Test
    void connectionRotateWithoutDatabaseStillReturnsConnectionString() {
        ObjectNode connection = BaseBodies.get("connectionWithSecrets");
        String connectionString = connection.get("connectionString").textValue();
        connection.remove("database");
        connection.put("kind", "never-seen-kind");
        answerJson(BaseBodies.text(BaseBodies.data(connection)));

        ConnectionWithSecrets c = client.connections().rotate("con_2");

        assertThat(c.connectionString()).isEqualTo(connectionString);
        assertInvalid(catchThrowable(c::database), "$.data.database", Problem.MISSING);
        assertThat(c.kind().asString()).isEqualTo("never-seen-kind");
    }

    @Test
    void bucketKeyCreateWithWrongTypedCreatedAtStillReturnsTheSecretAccessKey() {
        ObjectNode key = BaseBodies.get("createdBucketKey");
        String secret = key.get("secretAccessKey").textValue();
        key.put("createdAt", true);
        answerJson(BaseBodies.text(BaseBodies.data(key)));

        CreatedBucketKey created = client.buckets().keys().create(BucketKeyCreateParams.builder().bucketId("bkt_1")
                .name("up").role(BucketKeyRole.READ).build());

        assertThat(created.secretAccessKey()).isEqualTo(secret);
        assertInvalid(catchThrowable(created::createdAt), "$.data.createdAt", Problem.WRONG_TYPE);
    }

    @Test
    void dateTimeWithoutOffsetIsReadableRaw() {
        ObjectNode project = project().put("createdAt", "2025-03-04T05:06:07");

        Project p = served(project);

        assertThat(p.name()).isEqualTo(project.get("name").textValue());
        assertInvalid(catchThrowable(p::createdAt), "$.data.createdAt", Problem.WRONG_TYPE);
        assertThat(p._createdAt().rawJson()).map(JsonValue::toJson).contains("\"2025-03-04T05:06:07\"");
    }

    @Test
    void everyModelExposesTheJsonItWasReadFrom() {
        ObjectNode project = project().put("x_added_later", "kept");

        Project p = served(project);

        com.fasterxml.jackson.databind.JsonNode read = Mutations.parse(p._json().orElseThrow().toJson());
        assertThat(read).isEqualTo(Mutations.parse(BaseBodies.text(project)));
    }

    @Test
    void validateOfAnIntactModelPasses() {
        Project p = served(project());

        p.validate();
        assertThat(p.createdAt()).isEqualTo(java.time.OffsetDateTime.parse(project().get("createdAt").textValue()));
    }

    /** @return the project the client read from {@code project}, served as a GET's answer */
    private Project served(ObjectNode project) {
        answerJson(BaseBodies.text(BaseBodies.data(project)));
        return client.projects().get("proj_1");
    }

    private static ObjectNode project() {
        return BaseBodies.get("project");
    }

    static void assertInvalid(Throwable thrown, String jsonPath, Problem problem) {
        assertThat(thrown).isInstanceOf(PrismaInvalidDataException.class);
        PrismaInvalidDataException e = (PrismaInvalidDataException) thrown;
        assertThat(e.jsonPath()).isEqualTo(jsonPath);
        assertThat(e.problem()).isEqualTo(problem);
    }
}
