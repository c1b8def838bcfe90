package dev.pdpkit.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pdpkit.client.core.JsonField;
import dev.pdpkit.client.errors.PrismaDecodeException;
import dev.pdpkit.client.errors.PrismaInvalidDataException;
import dev.pdpkit.client.internal.codec.ConnectionEndpointsCodec;
import dev.pdpkit.client.internal.codec.ConnectionWithSecretsCodec;
import dev.pdpkit.client.internal.codec.CreatedServiceTokenCodec;
import dev.pdpkit.client.internal.codec.DatabaseCodec;
import dev.pdpkit.client.internal.codec.DatabaseCreateParamsCodec;
import dev.pdpkit.client.internal.codec.DatabaseSourceCodec;
import dev.pdpkit.client.internal.codec.DatabaseUpdateParamsCodec;
import dev.pdpkit.client.internal.codec.EndpointCodec;
import dev.pdpkit.client.internal.codec.ProjectUpdateParamsCodec;
import dev.pdpkit.client.internal.codec.RegionCodec;
import dev.pdpkit.client.internal.http.ResponseBody;
import dev.pdpkit.client.internal.json.Json;
import dev.pdpkit.client.internal.json.JsonCodec;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated model, codecs and params against the real spec: JSON round trips, leniency, masking, equality. */
class ModelJsonTest {

    static final String CONNECTION = "{\"id\":\"con_1\",\"type\":\"connection\",\"url\":\"https://api.prisma.io/v1/"
            + "connections/con_1\",\"name\":\"main\",\"createdAt\":\"2025-03-04T05:06:07Z\",\"kind\":\"postgres\","
            + "\"endpoints\":{\"direct\":{\"host\":\"db.prisma.io\",\"port\":5432},\"pooled\":{\"host\":\"pool.prisma.io\","
            + "\"port\":6543,\"tls\":\"required\"}},\"database\":{\"id\":\"db_1\",\"url\":\"https://api.prisma.io/v1/"
            + "databases/db_1\",\"name\":\"app\"},\"labels\":{\"team\":\"core\"}}";

    static final String DATABASE = "{\"id\":\"db_1\",\"type\":\"database\",\"url\":\"https://api.prisma.io/v1/databases"
            + "/db_1\",\"name\":\"app\",\"status\":\"ready\",\"createdAt\":\"2025-03-04T05:06:07Z\",\"isDefault\":true,"
            + "\"defaultConnectionId\":\"con_1\",\"connections\":[" + CONNECTION + "],\"project\":{\"id\":\"proj_1\","
            + "\"url\":\"https://api.prisma.io/v1/projects/proj_1\",\"name\":\"shop\"},\"region\":{\"id\":\"us-east-1\","
            + "\"name\":\"US East (N. Virginia)\"},\"source\":{\"type\":\"backup\",\"databaseId\":\"db_0\",\"backupId\":"
            + "\"bak_9\"},\"branchId\":null,\"logicalId\":null,\"sizeBytes\":12345678901234,\"ratio\":0.75,"
            + "\"tags\":[\"a\",1,true,null],\"owner\":{\"kind\":\"team\",\"ids\":[1,2]}}";

    @Test
    void databaseRoundTripsWithUnknownFieldsKept() {
        Database db = decode(DatabaseCodec.INSTANCE, DATABASE);

        assertThat(db.id()).isEqualTo("db_1");
        assertThat(db.status()).isEqualTo(DatabaseStatus.READY);
        assertThat(db.createdAt()).isEqualTo(OffsetDateTime.parse("2025-03-04T05:06:07Z"));
        assertThat(db.isDefault()).isTrue();
        assertThat(db.region()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("us-east-1"));
        assertThat(db.connections()).hasSize(1);
        Connection connection = db.connections().get(0);
        assertThat(connection.kind()).isEqualTo(ConnectionKind.POSTGRES);
        assertThat(connection.endpoints().direct()).hasValueSatisfying(e ->
                assertThat(e.port()).isEqualTo(new BigDecimal("5432")));
        assertThat(connection.endpoints().pooled().orElseThrow().additionalProperties())
                .containsExactly(Map.entry("tls", "required"));
        assertThat(connection.additionalProperties()).containsEntry("labels", Map.of("team", "core"));

        // Unknown members become plain Java values: Long, BigDecimal, List, Map, null.
        assertThat(db.additionalProperties()).containsOnlyKeys("sizeBytes", "ratio", "tags", "owner");
        assertThat(db.additionalProperties().get("sizeBytes")).isEqualTo(12345678901234L);
        assertThat(db.additionalProperties().get("ratio")).isEqualTo(new BigDecimal("0.75"));
        assertThat(db.additionalProperties().get("tags")).isEqualTo(java.util.Arrays.asList("a", 1L, true, null));
        assertThat(db.additionalProperties().get("owner")).isEqualTo(Map.of("kind", "team", "ids", List.of(1L, 2L)));

        assertThat(encode(DatabaseCodec.INSTANCE, db)).isEqualTo(DATABASE);
        assertThat(decode(DatabaseCodec.INSTANCE, encode(DatabaseCodec.INSTANCE, db))).isEqualTo(db);
    }

    @Test
    void unknownEnumValuesDecodeAndReEncodeUnchanged() {
        String hibernating = DATABASE.replace("\"status\":\"ready\"", "\"status\":\"hibernating\"");
        Database db = decode(DatabaseCodec.INSTANCE, hibernating);
        assertThat(db.status().isKnown()).isFalse();
        assertThat(db.status().known()).isEmpty();
        assertThat(db.status().asString()).isEqualTo("hibernating");
        assertThat(db.status()).isEqualTo(DatabaseStatus.of("hibernating")).isNotEqualTo(DatabaseStatus.READY);
        assertThat(encode(DatabaseCodec.INSTANCE, db)).isEqualTo(hibernating);
        assertThat(DatabaseStatus.of("ready")).isSameAs(DatabaseStatus.READY);
        assertThat(DatabaseStatus.READY.known()).contains(DatabaseStatus.Known.READY);

        String mars = "{\"id\":\"mars-north-1\",\"type\":\"region\",\"name\":\"Mars\",\"product\":\"rockets\","
                + "\"status\":\"terraforming\"}";
        Region region = decode(RegionCodec.INSTANCE, mars);
        assertThat(region.product().isKnown()).isFalse();
        assertThat(region.status()).hasValueSatisfying(s -> assertThat(s.asString()).isEqualTo("terraforming"));
        assertThat(encode(RegionCodec.INSTANCE, region)).isEqualTo(mars);

        // A region this SDK does not know can still be sent.
        DatabaseCreateParams create = DatabaseCreateParams.builder().projectId("proj_1")
                .region(CreateRegionId.of("mars-north-1")).build();
        assertThat(Json.write(DatabaseCreateParamsCodec.encodeBody(create)))
                .isEqualTo("{\"projectId\":\"proj_1\",\"region\":\"mars-north-1\"}");
        assertThat(CreateRegionId.US_EAST_1.asString()).isEqualTo("us-east-1");
    }

    @Test
    void patchSendsOnlyWhatWasSet() {
        DatabaseUpdateParams params = DatabaseUpdateParams.builder().databaseId("db_1").name("x").build();
        assertThat(Json.write(DatabaseUpdateParamsCodec.encodeBody(params))).isEqualTo("{\"name\":\"x\"}");

        ProjectUpdateParams project = ProjectUpdateParams.builder().id("proj_1").name("x").build();
        assertThat(Json.write(ProjectUpdateParamsCodec.encodeBody(project))).isEqualTo("{\"name\":\"x\"}");
        assertThat(Json.write(ProjectUpdateParamsCodec.encodeBody(ProjectUpdateParams.builder().id("p").build())))
                .isEqualTo("{}");
    }

    @Test
    @SuppressWarnings("deprecation") // directConnection is deprecated in the API
    void explicitNullIsNotMissing() {
        DatabaseUpdateParams cleared = DatabaseUpdateParams.builder().databaseId("db_1").branchId((String) null)
                .build();
        assertThat(cleared._branchId().isNull()).isTrue();
        assertThat(cleared._name().isMissing()).isTrue();
        assertThat(Json.write(DatabaseUpdateParamsCodec.encodeBody(cleared))).isEqualTo("{\"branchId\":null}");
        DatabaseUpdateParams raw = DatabaseUpdateParams.builder().databaseId("db_1").logicalId(JsonField.ofNull())
                .build();
        assertThat(Json.write(DatabaseUpdateParamsCodec.encodeBody(raw))).isEqualTo("{\"logicalId\":null}");

        Database db = decode(DatabaseCodec.INSTANCE, DATABASE);
        assertThat(db._logicalId().isNull()).isTrue();
        assertThat(db.logicalId()).isEmpty();
        assertThat(db.connections().get(0)._directConnection().isMissing()).isTrue();

        // A null in an optional field the spec does not declare nullable is kept, not rejected, and written back.
        ConnectionEndpoints endpoints = decode(ConnectionEndpointsCodec.INSTANCE, "{\"direct\":null}");
        assertThat(endpoints._direct().isNull()).isTrue();
        assertThat(endpoints.direct()).isEmpty();
        assertThat(encode(ConnectionEndpointsCodec.INSTANCE, endpoints)).isEqualTo("{\"direct\":null}");
        assertThat(encode(ConnectionEndpointsCodec.INSTANCE, decode(ConnectionEndpointsCodec.INSTANCE, "{}")))
                .isEqualTo("{}");
    }

    @Test
    void toStringMasksSecrets() {
        String secretUrl = "postgres://user:s3cr3t-pw@db.prisma.io:5432/postgres";
        String json = "{\"id\":\"con_1\",\"type\":\"connection\",\"url\":\"https://api.prisma.io/v1/connections/con_1\","
                + "\"name\":\"main\",\"createdAt\":\"2025-03-04T05:06:07Z\",\"kind\":\"postgres\",\"endpoints\":"
                + "{\"direct\":{\"host\":\"db.prisma.io\",\"port\":5432,\"connectionString\":\"" + secretUrl + "\"}},"
                + "\"connectionString\":\"" + secretUrl + "\",\"directConnection\":{\"host\":\"db.prisma.io\","
                + "\"user\":\"user\",\"pass\":\"s3cr3t-pw\"},\"database\":{\"id\":\"db_1\",\"url\":\"u\",\"name\":\"app\"},"
                + "\"host\":\"db.prisma.io\",\"pass\":\"s3cr3t-pw\",\"user\":\"user\",\"newSecret\":\"s3cr3t-pw\"}";
        ConnectionWithSecrets connection = decode(ConnectionWithSecretsCodec.INSTANCE, json);
        assertThat(connection.toString())
                .doesNotContain("s3cr3t-pw")
                .contains("connectionString=***")
                .contains("pass=***")
                .contains("host=db.prisma.io")
                .contains("additionalProperties=[newSecret]");
        assertThat(connection.endpoints().toString()).doesNotContain("s3cr3t-pw");
        assertThat(encode(ConnectionWithSecretsCodec.INSTANCE, connection)).contains(secretUrl);

        CreatedServiceToken token = decode(CreatedServiceTokenCodec.INSTANCE, "{\"id\":\"st_1\",\"type\":"
                + "\"serviceToken\",\"name\":\"ci\",\"valueHint\":\"…x9\",\"createdAt\":\"2025-03-04T05:06:07Z\","
                + "\"value\":\"eyJhbGciOi.service-token-value\"}");
        assertThat(token.value()).isEqualTo("eyJhbGciOi.service-token-value");
        assertThat(token.toString()).doesNotContain("service-token-value").contains("value=***");

        ProjectTransferParams transfer = ProjectTransferParams.builder().id("proj_1")
                .recipientAccessToken("recipient-oauth-token").build();
        assertThat(transfer.toString()).doesNotContain("recipient-oauth-token")
                .isEqualTo("ProjectTransferParams{id=proj_1, recipientAccessToken=***}");
    }

    @Test
    void equalityIsByValue() {
        Database a = decode(DatabaseCodec.INSTANCE, DATABASE);
        Database b = decode(DatabaseCodec.INSTANCE, DATABASE);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().name("other").build()).isNotEqualTo(a);
        assertThat(a.toBuilder().putAdditionalProperty("sizeBytes", 1).build()).isNotEqualTo(a);
        assertThat(a.toBuilder().removeAdditionalProperty("owner").build()).isNotEqualTo(a);

        // Values given by hand are normalised like decoded ones: 5432 (int) equals the decoded 5432 (Long).
        Endpoint built = Endpoint.builder().host("h").port(5432).putAdditionalProperty("weight", 3)
                .putAdditionalProperty("tags", List.of("x")).build();
        Endpoint decoded = decode(EndpointCodec.INSTANCE, "{\"host\":\"h\",\"port\":5432,\"weight\":3,\"tags\":[\"x\"]}");
        assertThat(built).isEqualTo(decoded).hasSameHashCodeAs(decoded);
        assertThat(built.toString()).isEqualTo("Endpoint{host=h, port=5432, additionalProperties=[weight, tags]}");

        assertThat(DatabaseUpdateParams.builder().databaseId("d").name("x").build())
                .isEqualTo(DatabaseUpdateParams.builder().databaseId("d").name("x").build())
                .isNotEqualTo(DatabaseUpdateParams.builder().databaseId("d").name("y").build())
                .isNotEqualTo(DatabaseUpdateParams.builder().databaseId("d").name("x").branchId((String) null).build());
    }

    @Test
    void sealedSourceDecodesEveryVariantAndUnknownOnes() {
        DatabaseSource empty = decode(DatabaseSourceCodec.INSTANCE, "{\"type\":\"empty\"}");
        assertThat(empty).isInstanceOf(EmptySource.class);
        assertThat(empty.type()).isEqualTo("empty");

        DatabaseSource backup = decode(DatabaseSourceCodec.INSTANCE,
                "{\"type\":\"backup\",\"databaseId\":\"db_0\",\"backupId\":\"bak_9\"}");
        assertThat(backup).isInstanceOfSatisfying(BackupSource.class, b -> {
            assertThat(b.databaseId()).isEqualTo("db_0");
            assertThat(b.backupId()).isEqualTo("bak_9");
        });

        DatabaseSource clone = decode(DatabaseSourceCodec.INSTANCE, "{\"type\":\"database\",\"databaseId\":\"db_0\"}");
        assertThat(clone).isInstanceOfSatisfying(DatabaseCloneSource.class,
                c -> assertThat(c.databaseId()).isEqualTo("db_0"));

        String snapshot = "{\"type\":\"snapshot\",\"snapshotId\":\"snap_1\",\"at\":\"2025-01-01T00:00:00Z\"}";
        DatabaseSource unknown = decode(DatabaseSourceCodec.INSTANCE, snapshot);
        assertThat(unknown).isInstanceOfSatisfying(DatabaseSource.Unknown.class, u -> {
            assertThat(u.type()).isEqualTo("snapshot");
            assertThat(u.properties()).containsOnlyKeys("snapshotId", "at");
        });
        assertThat(encode(DatabaseSourceCodec.INSTANCE, unknown)).isEqualTo(snapshot);
        assertThat(unknown).isEqualTo(DatabaseSource.Unknown.of("snapshot",
                Map.of("snapshotId", "snap_1", "at", "2025-01-01T00:00:00Z")));

        // Variants are built with their constant discriminator preset.
        BackupSource built = BackupSource.builder().databaseId("db_0").backupId("bak_9").build();
        assertThat(built).isEqualTo(backup);
        assertThat(encode(DatabaseSourceCodec.INSTANCE, built))
                .isEqualTo("{\"type\":\"backup\",\"databaseId\":\"db_0\",\"backupId\":\"bak_9\"}");
        ProjectDatabaseCreateParams create = ProjectDatabaseCreateParams.builder().projectId("proj_1")
                .source(EmptySource.builder().build()).build();
        assertThat(create.source()).containsInstanceOf(EmptySource.class);

        // A nullable source in a database.
        Database withoutSource = decode(DatabaseCodec.INSTANCE,
                DATABASE.replace("{\"type\":\"backup\",\"databaseId\":\"db_0\",\"backupId\":\"bak_9\"}", "null"));
        assertThat(withoutSource.source()).isEmpty();
        assertThat(withoutSource._source().isNull()).isTrue();
    }

    @Test
    void brokenMembersFailTheirAccessorNamingThePathNotTheValue() {
        JsonNode badDate = parseText("{\"data\":" + DATABASE.replace("\"2025-03-04T05:06:07Z\",\"isDefault\"",
                "\"secret-looking-value-42\",\"isDefault\"") + "}", 200);
        Database db = ResponseBody.data(DatabaseCodec.INSTANCE).read(badDate, 200);
        assertThat(db.id()).isEqualTo("db_1");
        assertThatThrownBy(db::createdAt)
                .isInstanceOf(PrismaInvalidDataException.class)
                .hasMessage("$.data.createdAt has an unexpected type or format (expected a date-time string with an "
                        + "offset, found JSON string)")
                .hasMessageNotContaining("secret-looking-value-42");
        assertThat(db._createdAt().rawJson().orElseThrow().toPlain()).isEqualTo("secret-looking-value-42");
        assertThatThrownBy(db::validate).isInstanceOf(PrismaInvalidDataException.class);

        JsonNode wrongType = parseText("{\"data\":" + DATABASE.replace("\"name\":\"main\"",
                "\"name\":{\"password\":\"hunter2\"}") + "}", 200);
        Database db2 = ResponseBody.data(DatabaseCodec.INSTANCE).read(wrongType, 200);
        assertThatThrownBy(() -> db2.connections().get(0).name())
                .hasMessage("$.data.connections[0].name has an unexpected type or format (expected a string, found "
                        + "JSON object)")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(db2::validate).hasMessageStartingWith("$.data.connections[0].name");

        JsonNode missing = parseText("{\"data\":" + DATABASE.replace("\"id\":\"db_1\",", "") + "}", 200);
        Database db3 = ResponseBody.data(DatabaseCodec.INSTANCE).read(missing, 200);
        assertThatThrownBy(db3::id).hasMessage("$.data.id is missing");
        assertThat(db3._id().isMissing()).isTrue();

        JsonNode nullName = parseText("{\"data\":" + DATABASE.replace("\"name\":\"app\",\"status\"",
                "\"name\":null,\"status\"") + "}", 200);
        assertThatThrownBy(() -> ResponseBody.data(DatabaseCodec.INSTANCE).read(nullName, 200).name())
                .hasMessage("$.data.name is null");

        assertThatThrownBy(() -> decode(DatabaseSourceCodec.INSTANCE, "{\"databaseId\":\"db_0\"}"))
                .hasMessage("missing discriminator $.type");
        assertThatThrownBy(() -> decode(DatabaseCodec.INSTANCE, "[1,2]"))
                .hasMessage("expected an object (Database) at $ but found an array");
    }

    @Test
    void buildersCheckRequiredFields() {
        assertThatThrownBy(() -> Endpoint.builder().host("h").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Endpoint is missing required fields: [port]");
        assertThatThrownBy(() -> DatabaseGetParams.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("databaseId");
        assertThatThrownBy(() -> ProjectTransferParams.builder().id("p").build())
                .hasMessageContaining("recipientAccessToken");
        assertThatThrownBy(() -> Endpoint.builder().host((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("host");
        assertThatThrownBy(() -> Endpoint.builder().putAdditionalProperty("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProjectListParams.none()).isEqualTo(ProjectListParams.builder().build());
    }

    static <T> T decode(JsonCodec<T> codec, String json) {
        return codec.decode(parseText(json, 200), "$");
    }

    static <T> String encode(JsonCodec<T> codec, T value) {
        return Json.write(codec.encode(value));
    }

    private static JsonNode parseText(String json, int status) {
        return Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), status);
    }
}
