package dev.pdpkit.client.services;

import java.util.List;

/** Spec-shaped JSON bodies of the Management API, with recognisable secrets for the redaction checks. */
final class Fixtures {
    static final String DB_PASSWORD = "pgPass-SECRET-7f3a9c";
    static final String CONNECTION_STRING =
            "postgres://usr_1:" + DB_PASSWORD + "@db.prisma.io:5432/postgres?sslmode=require";
    static final String POOLED_CONNECTION_STRING =
            "postgres://usr_1:" + DB_PASSWORD + "@pooled.db.prisma.io:5432/postgres?sslmode=require";
    static final String API_KEY = "eyJhbGciOi-APIKEY-SECRET-91b2";
    static final String API_KEY_URL = "prisma+postgres://accelerate.prisma-data.net/?api_key=" + API_KEY;
    static final String SERVICE_TOKEN_VALUE = "eyJ-svc-token-value-SECRET-44d1";
    static final String SECRET_ACCESS_KEY = "bucketSecretAccessKey-SECRET-5e6f";
    static final String RECIPIENT_TOKEN = "recipient-access-token-SECRET-8a8a";

    /** Every secret above. */
    static final List<String> SECRETS = List.of(DB_PASSWORD, CONNECTION_STRING, POOLED_CONNECTION_STRING, API_KEY,
            API_KEY_URL, SERVICE_TOKEN_VALUE, SECRET_ACCESS_KEY, RECIPIENT_TOKEN, WireMockApiTest.TOKEN);

    static final String CREATED_AT = "2025-03-04T05:06:07Z";

    private Fixtures() {
    }

    /** @return {@code id} percent-encoded as a URL path segment (enough for the ids these tests use) */
    static String seg(String id) {
        return id.replace("%", "%25").replace("/", "%2F").replace(" ", "%20");
    }

    static String data(String item) {
        return "{\"data\":" + item + "}";
    }

    static String page(String nextCursor, boolean hasMore, String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"pagination\":{\"nextCursor\":"
                + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + ",\"hasMore\":" + hasMore + "}}";
    }

    static String list(String... items) {
        return "{\"data\":[" + String.join(",", items) + "]}";
    }

    static String workspaceRef() {
        return "{\"id\":\"wksp_1\",\"url\":\"https://api.prisma.io/v1/workspaces/wksp_1\",\"name\":\"Acme\"}";
    }

    static String projectRef() {
        return "{\"id\":\"proj_1\",\"url\":\"https://api.prisma.io/v1/projects/proj_1\",\"name\":\"shop\"}";
    }

    static String databaseRef(String id) {
        return "{\"id\":\"" + id + "\",\"url\":\"https://api.prisma.io/v1/databases/" + seg(id) + "\",\"name\":\"main\"}";
    }

    static String regionRef() {
        return "{\"id\":\"eu-central-1\",\"name\":\"Europe (Frankfurt)\"}";
    }

    static String me() {
        return """
                {"user":{"id":"usr_1","email":"ada@example.com","name":"Ada"},
                 "workspace":{"id":"wksp_1","name":"Acme"},
                 "credential":{"type":"service_token","id":"st_1","name":"ci"}}""";
    }

    static String workspace(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"workspace\",\"url\":\"https://api.prisma.io/v1/workspaces/" + seg(id)
                + "\",\"name\":\"Acme\",\"createdAt\":\"" + CREATED_AT + "\"}";
    }

    static String subscription() {
        return "{\"planName\":\"Pro\",\"usageBlocked\":false,\"upgradeUrl\":\"https://console.prisma.io/upgrade\"}";
    }

    static String project(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"project\",\"url\":\"https://api.prisma.io/v1/projects/" + seg(id)
                + "\",\"name\":\"shop\",\"logicalId\":\"shop-prod\",\"createdAt\":\"" + CREATED_AT
                + "\",\"defaultRegion\":\"eu-central-1\",\"workspace\":" + workspaceRef() + "}";
    }

    static String endpoints() {
        return "{\"direct\":{\"host\":\"db.prisma.io\",\"port\":5432},"
                + "\"pooled\":{\"host\":\"pooled.db.prisma.io\",\"port\":5432}}";
    }

    static String endpointsWithSecrets() {
        return "{\"direct\":{\"host\":\"db.prisma.io\",\"port\":5432,\"connectionString\":\"" + CONNECTION_STRING
                + "\"},\"pooled\":{\"host\":\"pooled.db.prisma.io\",\"port\":5432,\"connectionString\":\""
                + POOLED_CONNECTION_STRING + "\"}}";
    }

    static String directConnection() {
        return "{\"host\":\"db.prisma.io:5432\",\"pass\":\"" + DB_PASSWORD + "\",\"user\":\"usr_1\"}";
    }

    static String connection(String id, String databaseId) {
        return "{\"id\":\"" + id + "\",\"type\":\"connection\",\"url\":\"https://api.prisma.io/v1/connections/" + seg(id)
                + "\",\"name\":\"app\",\"createdAt\":\"" + CREATED_AT + "\",\"kind\":\"postgres\",\"endpoints\":"
                + endpoints() + ",\"database\":" + databaseRef(databaseId) + "}";
    }

    static String connectionWithSecrets(String id, String databaseId) {
        return "{\"id\":\"" + id + "\",\"type\":\"connection\",\"url\":\"https://api.prisma.io/v1/connections/" + seg(id)
                + "\",\"name\":\"app\",\"createdAt\":\"" + CREATED_AT + "\",\"kind\":\"postgres\",\"endpoints\":"
                + endpointsWithSecrets() + ",\"connectionString\":\"" + CONNECTION_STRING + "\","
                + "\"directConnection\":" + directConnection() + ",\"database\":" + databaseRef(databaseId)
                + ",\"host\":\"db.prisma.io:5432\",\"pass\":\"" + DB_PASSWORD + "\",\"user\":\"usr_1\"}";
    }

    static String newConnection(String id, String databaseId) {
        return "{\"id\":\"" + id + "\",\"type\":\"connection\",\"url\":\"https://api.prisma.io/v1/connections/" + seg(id)
                + "\",\"name\":\"default\",\"createdAt\":\"" + CREATED_AT + "\",\"kind\":\"postgres\",\"endpoints\":"
                + endpointsWithSecrets() + ",\"database\":" + databaseRef(databaseId) + "}";
    }

    static String apiKey() {
        return "{\"id\":\"con_key\",\"type\":\"connection\",\"url\":\"https://api.prisma.io/v1/connections/con_key\","
                + "\"name\":\"accelerate\",\"createdAt\":\"" + CREATED_AT + "\",\"kind\":\"accelerate\","
                + "\"endpoints\":{\"accelerate\":{\"host\":\"accelerate.prisma-data.net\",\"port\":443}},"
                + "\"connectionString\":\"" + API_KEY_URL + "\",\"directConnection\":" + directConnection() + "}";
    }

    /** A Database; {@code status} lets a test send a value the client does not know yet. */
    static String database(String id, String status) {
        return "{\"id\":\"" + id + "\",\"type\":\"database\",\"url\":\"https://api.prisma.io/v1/databases/" + seg(id)
                + "\",\"name\":\"main\",\"status\":\"" + status + "\",\"createdAt\":\"" + CREATED_AT
                + "\",\"isDefault\":true,\"defaultConnectionId\":\"con_1\",\"connections\":["
                + connection("con_1", id) + "],\"project\":" + projectRef() + ",\"region\":" + regionRef()
                + ",\"source\":{\"type\":\"empty\"},\"branchId\":\"br_main\",\"logicalId\":\"main-db\"}";
    }

    static String createdDatabase(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"database\",\"url\":\"https://api.prisma.io/v1/databases/" + seg(id)
                + "\",\"name\":\"main\",\"status\":\"provisioning\",\"createdAt\":\"" + CREATED_AT
                + "\",\"isDefault\":false,\"defaultConnectionId\":null,\"connections\":["
                + newConnection("con_new", id) + "],\"project\":" + projectRef() + ",\"region\":" + regionRef()
                + ",\"source\":{\"type\":\"database\",\"databaseId\":\"db_src\"},\"branchId\":\"br_1\","
                + "\"logicalId\":null}";
    }

    private static String newDatabaseBody(String id, boolean withProject) {
        return "\"id\":\"" + id + "\",\"type\":\"database\",\"url\":\"https://api.prisma.io/v1/databases/" + seg(id)
                + "\",\"name\":\"main\",\"status\":\"ready\",\"createdAt\":\"" + CREATED_AT
                + "\",\"isDefault\":true,\"defaultConnectionId\":\"con_new\",\"connections\":["
                + newConnection("con_new", id) + "]," + (withProject ? "\"project\":" + projectRef() + "," : "")
                + "\"region\":" + regionRef() + ",\"source\":null,\"branchId\":null,\"logicalId\":null,"
                + "\"apiKeys\":[" + apiKey() + "],\"connectionString\":\"" + CONNECTION_STRING + "\","
                + "\"directConnection\":" + directConnection();
    }

    static String createdProjectDatabase(String id) {
        return "{" + newDatabaseBody(id, true) + "}";
    }

    static String createdProject(String id, String databaseId) {
        return "{\"id\":\"" + id + "\",\"type\":\"project\",\"url\":\"https://api.prisma.io/v1/projects/" + seg(id)
                + "\",\"name\":\"shop\",\"logicalId\":\"shop-prod\",\"createdAt\":\"" + CREATED_AT
                + "\",\"defaultRegion\":\"eu-central-1\",\"workspace\":" + workspaceRef() + ",\"database\":{"
                + newDatabaseBody(databaseId, false) + "}}";
    }

    static String restoredDatabase(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"database\",\"url\":\"https://api.prisma.io/v1/databases/" + seg(id)
                + "\",\"name\":\"main\",\"status\":\"recovering\",\"createdAt\":\"" + CREATED_AT
                + "\",\"isDefault\":false,\"defaultConnectionId\":null,\"connections\":[],\"project\":"
                + projectRef() + ",\"region\":null,\"source\":{\"type\":\"backup\",\"databaseId\":\"db_src\","
                + "\"backupId\":\"bkp_1\"},\"branchId\":null,\"logicalId\":null}";
    }

    static String backups() {
        return "{\"data\":[{\"id\":\"bkp_1\",\"backupType\":\"full\",\"createdAt\":\"" + CREATED_AT
                + "\",\"size\":1048576,\"status\":\"completed\",\"type\":\"backup\"},"
                + "{\"id\":\"bkp_2\",\"backupType\":\"incremental\",\"createdAt\":\"2025-03-05T05:06:07Z\","
                + "\"status\":\"running\"}],\"meta\":{\"backupRetentionDays\":7},"
                + "\"pagination\":{\"hasMore\":false,\"limit\":25}}";
    }

    static String usage() {
        return "{\"period\":{\"start\":\"2025-03-01T00:00:00Z\",\"end\":\"2025-03-31T23:59:59Z\"},"
                + "\"metrics\":{\"operations\":{\"used\":12345,\"unit\":\"ops\"},"
                + "\"storage\":{\"used\":0.25,\"unit\":\"GiB\"}},\"generatedAt\":\"2025-03-15T12:00:00Z\"}";
    }

    static String serviceToken(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"serviceToken\",\"name\":\"ci\",\"valueHint\":\"...44d1\","
                + "\"createdAt\":\"" + CREATED_AT + "\",\"expiresAt\":null}";
    }

    static String createdServiceToken(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"serviceToken\",\"name\":\"ci\",\"valueHint\":\"...44d1\","
                + "\"createdAt\":\"" + CREATED_AT + "\",\"expiresAt\":\"2026-03-04T05:06:07Z\",\"value\":\""
                + SERVICE_TOKEN_VALUE + "\"}";
    }

    static String integration(String id) {
        return "{\"id\":\"" + id + "\",\"url\":\"https://api.prisma.io/v1/integrations/" + seg(id) + "\",\"createdAt\":\""
                + CREATED_AT + "\",\"scopes\":[\"workspace:admin\",\"offline_access\"],"
                + "\"client\":{\"id\":\"cli_1\",\"name\":\"Vercel\",\"createdAt\":\"" + CREATED_AT + "\"},"
                + "\"createdByUser\":{\"id\":\"usr_1\",\"email\":\"ada@example.com\",\"displayName\":null}}";
    }

    static String region(String id, String product, String status) {
        return "{\"id\":\"" + id + "\",\"type\":\"region\",\"name\":\"Region " + id + "\",\"product\":\"" + product
                + "\"" + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
    }

    static String postgresRegion(String id, String status) {
        return "{\"id\":\"" + id + "\",\"type\":\"region\",\"name\":\"Region " + id + "\",\"status\":\"" + status
                + "\"}";
    }

    static String accelerateRegion(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"region\",\"name\":\"Region " + id + "\"}";
    }

    static String bucket(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"bucket\",\"url\":\"https://api.prisma.io/v1/buckets/" + seg(id)
                + "\",\"name\":\"assets\",\"providerName\":\"pdp-" + id + "-assets\",\"status\":\"active\","
                + "\"createdAt\":\"" + CREATED_AT + "\",\"project\":" + projectRef()
                + ",\"branchId\":\"br_main\",\"logicalId\":null}";
    }

    static String bucketKey(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"bucketKey\",\"name\":\"uploader\",\"valueHint\":\"...5e6f\","
                + "\"role\":\"read_write\",\"createdAt\":\"" + CREATED_AT + "\"}";
    }

    static String createdBucketKey(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"bucketKey\",\"name\":\"uploader\",\"valueHint\":\"...5e6f\","
                + "\"role\":\"read\",\"createdAt\":\"" + CREATED_AT + "\",\"secretAccessKey\":\""
                + SECRET_ACCESS_KEY + "\",\"accessKeyId\":\"AKIA123\",\"endpoint\":\"https://s3.prisma.io\","
                + "\"bucketName\":\"pdp-bkt_1-assets\"}";
    }
}
