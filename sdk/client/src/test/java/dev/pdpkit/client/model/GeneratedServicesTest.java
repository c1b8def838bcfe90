package dev.pdpkit.client.model;

import dev.pdpkit.client.internal.ServiceAccess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pdpkit.client.core.HttpHeaders;
import dev.pdpkit.client.core.Page;
import dev.pdpkit.client.core.RawResponse;
import dev.pdpkit.client.core.RequestOptions;
import dev.pdpkit.client.internal.ClientContext;
import dev.pdpkit.client.internal.http.ApiRequest;
import dev.pdpkit.client.http.HttpResponse;
import dev.pdpkit.client.internal.json.Json;
import dev.pdpkit.client.services.DatabasesService;
import dev.pdpkit.client.services.ProjectsService;
import dev.pdpkit.client.services.RegionsService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated services build the documented requests and read the documented envelopes. */
class GeneratedServicesTest {
    private final List<ApiRequest> sent = new ArrayList<>();
    private final Deque<HttpResponse> answers = new ArrayDeque<>();
    private final ClientContext ctx = new ClientContext((request, options) -> {
        sent.add(request);
        return answers.removeFirst();
    });

    private void answer(int status, String body) {
        answers.addLast(HttpResponse.of(status, HttpHeaders.of(Map.of("x-request-id", List.of("req_1"))),
                body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String project(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"project\",\"url\":\"https://api.prisma.io/v1/projects/" + id + "\","
                + "\"name\":\"n\",\"logicalId\":null,\"createdAt\":\"2025-01-01T00:00:00Z\",\"defaultRegion\":null,"
                + "\"workspace\":{\"id\":\"w\",\"url\":\"u\",\"name\":\"ws\"}}";
    }

    @Test
    void getUsesThePathParameter() {
        answer(200, "{\"data\":" + project("proj/1") + "}");
        Project p = ServiceAccess.create(ProjectsService.class, ctx).get("proj/1");
        assertThat(p.id()).isEqualTo("proj/1");
        ApiRequest request = sent.get(0);
        assertThat(request.operationId()).isEqualTo("getV1ProjectsById");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.resolvedPath()).isEqualTo("/v1/projects/proj%2F1");
        assertThat(request.body()).isNull();
    }

    @Test
    void listPagesWithTheCursor() {
        answer(200, "{\"data\":[" + project("p1") + "," + project("p2") + "],\"pagination\":{\"nextCursor\":\"c2\","
                + "\"hasMore\":true}}");
        answer(200, "{\"data\":[" + project("p3") + "],\"pagination\":{\"nextCursor\":null,\"hasMore\":false}}");
        Page<Project> page = ServiceAccess.create(ProjectsService.class, ctx).list(ProjectListParams.builder().limit(2).build());
        assertThat(page.data()).extracting(Project::id).containsExactly("p1", "p2");
        List<String> all = page.autoPager().stream().map(Project::id).collect(Collectors.toList());
        assertThat(all).containsExactly("p1", "p2", "p3");
        assertThat(sent.get(0).query()).isEqualTo(Map.of("limit", List.of("2")));
        assertThat(sent.get(1).query()).isEqualTo(Map.of("limit", List.of("2"), "cursor", List.of("c2")));
    }

    @Test
    void updateSendsOnlyTheSetFieldsAndRawResponseKeepsStatus() {
        answer(200, "{\"data\":" + project("p1") + "}");
        RawResponse<Project> raw = ServiceAccess.create(ProjectsService.class, ctx).withRawResponse()
                .update(ProjectUpdateParams.builder().id("p1").name("renamed").build(), RequestOptions.none());
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.requestId()).contains("req_1");
        assertThat(raw.body().id()).isEqualTo("p1");
        assertThat(sent.get(0).method()).isEqualTo("PATCH");
        assertThat(Json.write(sent.get(0).body())).isEqualTo("{\"name\":\"renamed\"}");
        assertThat(sent.get(0).idempotency()).isEqualTo(ApiRequest.IdempotencyKind.NON_IDEMPOTENT);
    }

    @Test
    void deleteReturnsNothing() {
        answer(204, null);
        ServiceAccess.create(DatabasesService.class, ctx).delete("db_1");
        assertThat(sent.get(0).method()).isEqualTo("DELETE");
        assertThat(sent.get(0).resolvedPath()).isEqualTo("/v1/databases/db_1");
        answer(204, "");
        RawResponse<Void> raw = ServiceAccess.create(DatabasesService.class, ctx).withRawResponse().delete("db_2");
        assertThat(raw.statusCode()).isEqualTo(204);
        assertThat(raw.body()).isNull();
    }

    @Test
    void createWithLogicalIdIsMarkedRepeatable() {
        String db = ModelJsonTest.DATABASE;
        answer(201, "{\"data\":" + db + "}");
        ServiceAccess.create(DatabasesService.class, ctx).create(DatabaseCreateParams.builder().projectId("proj_1").logicalId("main").build());
        assertThat(sent.get(0).idempotency()).isEqualTo(ApiRequest.IdempotencyKind.LOGICAL_ID_CREATE);
        assertThat(Json.write(sent.get(0).body())).isEqualTo("{\"projectId\":\"proj_1\",\"logicalId\":\"main\"}");
    }

    @Test
    void regionsAreAPlainList() {
        answer(200, "{\"data\":[{\"id\":\"us-east-1\",\"type\":\"region\",\"name\":\"Virginia\",\"product\":"
                + "\"postgres\"}]}");
        List<Region> regions = ServiceAccess.create(RegionsService.class, ctx).list(RegionListParams.builder().product(RegionProduct.POSTGRES)
                .build());
        assertThat(regions).extracting(Region::id).containsExactly("us-east-1");
        assertThat(sent.get(0).query()).isEqualTo(Map.of("product", List.of("postgres")));
    }

    @Test
    void backupsUseTheirOwnEnvelope() {
        answer(200, "{\"data\":[{\"id\":\"b1\",\"backupType\":\"full\",\"createdAt\":\"2025-01-01\",\"status\":"
                + "\"completed\",\"size\":1024}],\"meta\":{\"backupRetentionDays\":7},\"pagination\":{\"hasMore\":false,"
                + "\"limit\":null}}");
        DatabaseListBackupsResponse backups = ServiceAccess.create(DatabasesService.class, ctx).listBackups("db_1");
        assertThat(backups.data()).extracting(Backup::id).containsExactly("b1");
        assertThat(backups.meta().backupRetentionDays()).isEqualByComparingTo("7");
        assertThat(backups.pagination().limit()).isEmpty();
        assertThat(sent.get(0).resolvedPath()).isEqualTo("/v1/databases/db_1/backups");
    }

    @Test
    void additionalQueryParamsAreSent() {
        answer(200, "{\"data\":[],\"pagination\":{\"nextCursor\":null,\"hasMore\":false}}");
        ServiceAccess.create(ProjectsService.class, ctx).databases().list(ProjectDatabaseListParams.builder().projectId("p1")
                .putAdditionalQueryParam("beta", "1").build());
        assertThat(sent.get(0).resolvedPath()).isEqualTo("/v1/projects/p1/databases");
        assertThat(sent.get(0).query()).isEqualTo(Map.of("beta", List.of("1")));
    }
}
