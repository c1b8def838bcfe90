package dev.pdpkit.client.hardening;

import static dev.pdpkit.client.hardening.BaseBodies.data;
import static dev.pdpkit.client.hardening.BaseBodies.get;
import static dev.pdpkit.client.hardening.BaseBodies.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.BucketKeyCreateParams;
import dev.pdpkit.client.model.BucketKeyRole;
import dev.pdpkit.client.model.ConnectionCreateParams;
import dev.pdpkit.client.model.DatabaseCreateParams;
import dev.pdpkit.client.model.IntegrationListParams;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.WorkspaceServiceTokenCreateParams;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operations the response fuzz drives: a call and a valid base answer for each. {@code secret} points at the
 * one-time secret an answer carries, which must come back intact whenever it is present and well-typed.
 */
enum FuzzOp {
    PROJECTS_LIST(() -> page(null, false, get("project"), item("project", "proj_2")), c -> c.projects().list()),
    PROJECTS_GET(() -> data(get("project")), c -> c.projects().get("proj_1")),
    PROJECTS_CREATE(() -> data(get("createdProject")), c -> c.projects().create(ProjectCreateParams.builder()
            .name("shop").build()), "/data/database/connectionString"),
    PROJECT_DATABASES_CREATE(() -> data(get("createdProjectDatabase")),
            c -> c.projects().databases().create("proj_1"), "/data/connectionString"),
    DATABASES_LIST(() -> page(null, false, get("database"), item("database", "db_2")), c -> c.databases().list()),
    DATABASES_GET(() -> data(get("database")), c -> c.databases().get("db_1")),
    DATABASES_CREATE(() -> data(get("createdDatabase")), c -> c.databases().create(DatabaseCreateParams.builder()
            .projectId("proj_1").name("main").build()), "/data/connections/0/endpoints/direct/connectionString"),
    CONNECTIONS_LIST(() -> page(null, false, get("connection")), c -> c.connections().list()),
    CONNECTIONS_CREATE(() -> data(get("connectionWithSecrets")), c -> c.connections().create(
            ConnectionCreateParams.builder().databaseId("db_1").name("app").build()), "/data/connectionString"),
    CONNECTIONS_ROTATE(() -> data(get("connectionWithSecrets")), c -> c.connections().rotate("con_2"),
            "/data/connectionString"),
    SERVICE_TOKENS_LIST(() -> page(null, false, get("serviceToken")),
            c -> c.workspaces().serviceTokens().list("wksp_1")),
    SERVICE_TOKENS_CREATE(() -> data(get("createdServiceToken")), c -> c.workspaces().serviceTokens().create(
            WorkspaceServiceTokenCreateParams.builder().workspaceId("wksp_1").name("ci").build()), "/data/value"),
    BUCKET_KEYS_CREATE(() -> data(get("createdBucketKey")), c -> c.buckets().keys().create(
            BucketKeyCreateParams.builder().bucketId("bkt_1").name("up").role(BucketKeyRole.READ).build()),
            "/data/secretAccessKey"),
    BUCKET_KEYS_LIST(() -> page(null, false, get("bucketKey")), c -> c.buckets().keys().list("bkt_1")),
    REGIONS_LIST(() -> list(get("region"), item("region", "us-east-1")), c -> c.regions().list()),
    WORKSPACES_GET(() -> data(get("workspace")), c -> c.workspaces().get("wksp_1")),
    WORKSPACES_LIST(() -> page(null, false, get("workspace")), c -> c.workspaces().list()),
    BACKUPS_LIST(() -> get("backups"), c -> c.databases().listBackups("db_1")),
    USAGE_GET(() -> get("usage"), c -> c.databases().getUsage("db_1")),
    INTEGRATIONS_GET(() -> data(get("integration")), c -> c.integrations().get("int_1")),
    INTEGRATIONS_LIST(() -> page(null, false, get("integration")), c -> c.integrations().list(
            IntegrationListParams.builder().workspaceId("wksp_1").build())),
    ME_GET(() -> data(get("me")), c -> c.me().get());

    private final Supplier<JsonNode> body;
    private final Function<PrismaManagement, Object> call;
    final String secret;

    FuzzOp(Supplier<JsonNode> body, Function<PrismaManagement, Object> call) {
        this(body, call, null);
    }

    FuzzOp(Supplier<JsonNode> body, Function<PrismaManagement, Object> call, String secret) {
        this.body = body;
        this.call = call;
        this.secret = secret;
    }

    /** @return a fresh copy of the valid answer */
    JsonNode body() {
        return body.get();
    }

    Object call(PrismaManagement client) {
        return call.apply(client);
    }

    /** @return true for operations that answer with a cursor-paginated page */
    boolean paged() {
        return body().has("pagination") && name().endsWith("_LIST") && this != BACKUPS_LIST;
    }

    private static ObjectNode item(String name, String id) {
        ObjectNode o = get(name);
        o.put("id", id);
        return o;
    }

    private static ObjectNode list(JsonNode... items) {
        ObjectNode o = BaseBodies.MAPPER.createObjectNode();
        o.putArray("data").addAll(java.util.List.of(items));
        return o;
    }
}
